"""What access offers in the navigation: break-glass reviews, teams, the audit log, staff accounts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        70,
        gettext_lazy("Emergency access reviews"),
        "access:break_glass_queue",
        C.BREAK_GLASS_REVIEW,
        gettext_lazy("Break-glass opens by your supervisees, awaiting your review."),
    ),
    NavEntry(
        "mezzo",
        90,
        gettext_lazy("Teams"),
        "access:team_list",
        C.STAFF_MANAGE,
        gettext_lazy("Staff teams and who leads them."),
    ),
    NavEntry(
        "evidence",
        10,
        gettext_lazy("Audit log"),
        "access:audit_log",
        C.AUDIT_READ,
        gettext_lazy("Every read and write of person-level data, hash-chained."),
    ),
    NavEntry(
        "evidence",
        20,
        gettext_lazy("Staff and access"),
        "access:staff_list",
        C.STAFF_MANAGE,
        gettext_lazy("Accounts, roles, caseloads and sensitive-segment grants."),
    ),
)
