"""What leadership offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        800,
        gettext_lazy("Agency dashboard"),
        "leadership:dashboard",
        C.AGENCY_LEAD,
        gettext_lazy(
            "Caseloads, program reach, indicators against target, and what falls due in the next 60 days."
        ),
    ),
    NavEntry(
        "macro",
        810,
        gettext_lazy("Compliance items"),
        "leadership:compliance_list",
        C.AGENCY_LEAD,
        gettext_lazy("Licences, audits, trainings and policy reviews, with their owners and due dates."),
    ),
)
