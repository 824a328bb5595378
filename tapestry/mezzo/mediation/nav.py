"""What mediation offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        50,
        gettext_lazy("Mediation"),
        "mediation:dispute_list",
        C.GROUP_RUN,
        gettext_lazy("Disputes you mediate: parties, sessions, issues and agreements."),
    ),
)
