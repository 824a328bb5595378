"""What cohorts offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        40,
        "Cohorts",
        "cohorts:cohort_list",
        C.PERSON_READ,
        "Cases with a common situation, managed together in bulk.",
    ),
)
