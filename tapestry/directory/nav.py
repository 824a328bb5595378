"""What the resource directory offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        60,
        _("Resource directory"),
        "directory:search",
        C.ORGANISATION_READ,
        _("Services to refer to, found by need, words or distance."),
    ),
)
