"""What the needs roll-ups offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        100,
        _("Needs across levels"),
        "rollups:needs_index",
        C.AGGREGATE_READ,
        _(
            "Each need and barrier: open cases by area and period, its trend, the groups, programs and "
            "campaigns working on it, referral outcomes and score changes, all suppressed."
        ),
    ),
)
