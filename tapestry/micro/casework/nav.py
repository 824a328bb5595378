"""What casework offers in the navigation: the worker's unsigned note drafts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        15,
        gettext_lazy("My unsigned drafts"),
        "casework:drafts",
        C.PERSON_READ,
        gettext_lazy("Notes you started and have not signed yet, on every case."),
    ),
)
