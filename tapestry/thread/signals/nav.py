"""What signals offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        110,
        "Escalation signals",
        "signals:list",
        C.AGGREGATE_READ,
        "Clusters of unmet needs in one area, and referrals that keep going unanswered, found each night.",
    ),
)
