"""What grants offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        500,
        gettext_lazy("Grant pipeline"),
        "grants:pipeline",
        C.AGGREGATE_READ,
        gettext_lazy("Grants the agency is applying for, by stage, with the amounts requested and awarded."),
    ),
    NavEntry(
        "macro",
        510,
        gettext_lazy("Funders and opportunities"),
        "grants:opportunity_list",
        C.GRANT_MANAGE,
        gettext_lazy("Funders, the grants they offer, their deadlines and how well they fit our programs."),
    ),
    NavEntry(
        "macro",
        520,
        gettext_lazy("Grant deadlines"),
        "grants:deadline_list",
        C.GRANT_MANAGE,
        gettext_lazy("Deliverables and reports owed to funders, overdue first."),
    ),
)
