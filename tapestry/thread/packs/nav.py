"""What evidence packs offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        150,
        "Evidence packs",
        "packs:pack_list",
        C.AGGREGATE_READ,
        "A campaign's case evidence: suppressed counts and trends by area, outcomes, consented stories.",
    ),
)
