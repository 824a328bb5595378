"""What legislation tracking offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        320,
        gettext_lazy("Legislation and policy"),
        "legislation:bill_list",
        C.AGGREGATE_READ,
        gettext_lazy(
            "Bills and policies we track, their status, our positions, testimony and contacts with legislators."
        ),
    ),
)
