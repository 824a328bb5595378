"""What groups offer in the navigation: the groups a facilitator runs, and every group."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        10,
        gettext_lazy("My groups"),
        "groups:my_groups",
        C.GROUP_RUN,
        gettext_lazy("The groups you run: rosters, sessions, attendance, notes and outcomes."),
    ),
    NavEntry(
        "mezzo",
        20,
        gettext_lazy("Groups"),
        "groups:group_list",
        C.ORGANISATION_READ,
        gettext_lazy("Support groups, classes, clubs and programs, with their schedules and open places."),
    ),
)
