"""What fundraising offers in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        600,
        "Fundraising",
        "fundraising:summary",
        C.AGGREGATE_READ,
        "Money received by month, fund and program, and campaigns against their revenue goals.",
    ),
    NavEntry(
        "macro",
        610,
        "Donors",
        "fundraising:donor_list",
        C.GRANT_MANAGE,
        "People and organisations who give to us, their donations and receipts, kept apart from clients.",
    ),
    NavEntry(
        "macro",
        620,
        "Recurring gifts",
        "fundraising:recurring_list",
        C.GRANT_MANAGE,
        "Gifts expected this month, and instalments missed.",
    ),
    NavEntry(
        "macro",
        630,
        "Donations exchange",
        "fundraising:osdi_page",
        C.GRANT_MANAGE,
        "Export and import donations as OSDI JSON (Action Network and other OSDI systems).",
    ),
)
