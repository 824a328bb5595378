"""What legislation tracking offers in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        320,
        "Legislation and policy",
        "legislation:bill_list",
        C.AGGREGATE_READ,
        "Bills and policies we track, their status, our positions, testimony and contacts with legislators.",
    ),
)
