"""What leadership offers in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        800,
        "Agency dashboard",
        "leadership:dashboard",
        C.AGENCY_LEAD,
        "Caseloads, program reach, indicators against target, and what falls due in the next 60 days.",
    ),
    NavEntry(
        "macro",
        810,
        "Compliance items",
        "leadership:compliance_list",
        C.AGENCY_LEAD,
        "Licences, audits, trainings and policy reviews, with their owners and due dates.",
    ),
)
