"""What access offers in the navigation: break-glass reviews, teams, the audit log, staff accounts."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        70,
        "Emergency access reviews",
        "access:break_glass_queue",
        C.BREAK_GLASS_REVIEW,
        "Break-glass opens by your supervisees, awaiting your review.",
    ),
    NavEntry("mezzo", 90, "Teams", "access:team_list", C.STAFF_MANAGE, "Staff teams and who leads them."),
    NavEntry(
        "evidence",
        10,
        "Audit log",
        "access:audit_log",
        C.AUDIT_READ,
        "Every read and write of person-level data, hash-chained.",
    ),
    NavEntry(
        "evidence",
        20,
        "Staff and access",
        "access:staff_list",
        C.STAFF_MANAGE,
        "Accounts, roles, caseloads and sensitive-segment grants.",
    ),
)
