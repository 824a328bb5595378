"""What partners offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        70,
        "Partner organisations",
        "partners:partner_list",
        C.ORGANISATION_READ,
        "Agreements, shared programs and referrals exchanged with our partners.",
    ),
)
