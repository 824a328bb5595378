"""What groups offer in the navigation: the groups a facilitator runs, and every group."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "mezzo",
        10,
        "My groups",
        "groups:my_groups",
        C.GROUP_RUN,
        "The groups you run: rosters, sessions, attendance, notes and outcomes.",
    ),
    NavEntry(
        "mezzo",
        20,
        "Groups",
        "groups:group_list",
        C.ORGANISATION_READ,
        "Support groups, classes, clubs and programs, with their schedules and open places.",
    ),
)
