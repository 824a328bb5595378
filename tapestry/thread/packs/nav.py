"""What evidence packs offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        150,
        _("Evidence packs"),
        "packs:pack_list",
        C.AGGREGATE_READ,
        _("A campaign's case evidence: suppressed counts and trends by area, outcomes, consented stories."),
    ),
)
