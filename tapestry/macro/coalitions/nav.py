"""What coalitions offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        400,
        gettext_lazy("Coalitions"),
        "coalitions:coalition_list",
        C.AGGREGATE_READ,
        gettext_lazy("The alliances we work in: members, shared goals, meetings and who does what next."),
    ),
)
