"""What signals offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        110,
        _("Escalation signals"),
        "signals:list",
        C.AGGREGATE_READ,
        _("Clusters of unmet needs in one area, and referrals that keep going unanswered, found each night."),
    ),
)
