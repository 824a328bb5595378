"""What cohorts offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        40,
        gettext_lazy("Cohorts"),
        "cohorts:cohort_list",
        C.PERSON_READ,
        gettext_lazy("Cases with a common situation, managed together in bulk."),
    ),
)
