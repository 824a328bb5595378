"""What supervision offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        300,
        gettext_lazy("Team workload"),
        "supervision:team_workload",
        C.SUPERVISE,
        gettext_lazy(
            "Open cases, overdue tasks and reviews, unsigned drafts and supervision due, per worker you supervise."
        ),
    ),
    NavEntry(
        "micro",
        310,
        gettext_lazy("Duplicates queue"),
        "supervision:duplicate_queue",
        C.PERSON_MERGE,
        gettext_lazy(
            "Likely duplicate person records among those you may see: merge them, or dismiss a pair as two people."
        ),
    ),
)
