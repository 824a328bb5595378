"""What program evaluation offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        760,
        gettext_lazy("Program indicators"),
        "evaluation:indicator_list",
        C.AGGREGATE_READ,
        gettext_lazy(
            "Indicators per period against their targets, computed from practice data with small counts hidden."
        ),
    ),
)
