"""What programs offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        30,
        "Programs",
        "programs:program_list",
        C.ORGANISATION_READ,
        "Logic models, budgets, staff, and the reach of each program.",
    ),
)
