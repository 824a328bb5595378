"""What grants offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        500,
        "Grant pipeline",
        "grants:pipeline",
        C.AGGREGATE_READ,
        "Grants the agency is applying for, by stage, with the amounts requested and awarded.",
    ),
    NavEntry(
        "macro",
        510,
        "Funders and opportunities",
        "grants:opportunity_list",
        C.GRANT_MANAGE,
        "Funders, the grants they offer, their deadlines and how well they fit our programs.",
    ),
    NavEntry(
        "macro",
        520,
        "Grant deadlines",
        "grants:deadline_list",
        C.GRANT_MANAGE,
        "Deliverables and reports owed to funders, overdue first.",
    ),
)
