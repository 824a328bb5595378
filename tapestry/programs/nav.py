"""What programs offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        30,
        _("Programs"),
        "programs:program_list",
        C.ORGANISATION_READ,
        _("Logic models, budgets, staff, and the reach of each program."),
    ),
)
