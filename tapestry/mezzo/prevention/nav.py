"""What prevention offers in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        60,
        "Prevention programs",
        "prevention:program_list",
        C.ORGANISATION_READ,
        "Workshops and classroom series, with headcounts and before/after measures.",
    ),
)
