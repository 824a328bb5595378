"""What coalitions offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        400,
        "Coalitions",
        "coalitions:coalition_list",
        C.AGGREGATE_READ,
        "The alliances we work in: members, shared goals, meetings and who does what next.",
    ),
)
