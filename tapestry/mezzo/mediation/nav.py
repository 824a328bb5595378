"""What mediation offers in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        50,
        "Mediation",
        "mediation:dispute_list",
        C.GROUP_RUN,
        "Disputes you mediate: parties, sessions, issues and agreements.",
    ),
)
