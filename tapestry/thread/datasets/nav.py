"""What research data sets offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        130,
        _("Research data sets"),
        "datasets:data_set_list",
        C.RESEARCH_EXPORT,
        _("Define a data set and export it de-identified: k-anonymous, dates shifted, no identifiers."),
    ),
)
