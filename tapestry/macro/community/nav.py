"""What the community needs assessment offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        170,
        gettext_lazy("Community needs assessments"),
        "community:assessment_list",
        C.AGGREGATE_READ,
        gettext_lazy(
            "Surveys, indicator data, assets and practice data for an area, with small counts hidden."
        ),
    ),
)
