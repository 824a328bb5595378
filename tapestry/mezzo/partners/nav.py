"""What partners offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        70,
        gettext_lazy("Partner organisations"),
        "partners:partner_list",
        C.ORGANISATION_READ,
        gettext_lazy("Agreements, shared programs and referrals exchanged with our partners."),
    ),
)
