"""What prevention offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        60,
        gettext_lazy("Prevention programs"),
        "prevention:program_list",
        C.ORGANISATION_READ,
        gettext_lazy("Workshops and classroom series, with headcounts and before/after measures."),
    ),
)
