"""What cases offer in the navigation: the worker's caseload and the case list."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        10,
        gettext_lazy("My caseload"),
        "cases:caseload",
        C.PERSON_READ,
        gettext_lazy("Your open cases, overdue tasks, upcoming reviews and recent risk flags."),
    ),
    NavEntry(
        "micro",
        50,
        gettext_lazy("Cases"),
        "cases:case_list",
        C.PERSON_READ,
        gettext_lazy("Every case you may see; open a new one."),
    ),
)
