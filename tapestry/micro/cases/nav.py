"""What cases offer in the navigation: the worker's caseload and the case list."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        10,
        "My caseload",
        "cases:caseload",
        C.PERSON_READ,
        "Your open cases, overdue tasks, upcoming reviews and recent risk flags.",
    ),
    NavEntry(
        "micro", 50, "Cases", "cases:case_list", C.PERSON_READ, "Every case you may see; open a new one."
    ),
)
