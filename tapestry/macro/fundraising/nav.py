"""What fundraising offers in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        600,
        gettext_lazy("Fundraising"),
        "fundraising:summary",
        C.AGGREGATE_READ,
        gettext_lazy("Money received by month, fund and program, and campaigns against their revenue goals."),
    ),
    NavEntry(
        "macro",
        610,
        gettext_lazy("Donors"),
        "fundraising:donor_list",
        C.GRANT_MANAGE,
        gettext_lazy(
            "People and organisations who give to us, their donations and receipts, kept apart from clients."
        ),
    ),
    NavEntry(
        "macro",
        620,
        gettext_lazy("Recurring gifts"),
        "fundraising:recurring_list",
        C.GRANT_MANAGE,
        gettext_lazy("Gifts expected this month, and instalments missed."),
    ),
    NavEntry(
        "macro",
        630,
        gettext_lazy("Donations exchange"),
        "fundraising:osdi_page",
        C.GRANT_MANAGE,
        gettext_lazy("Export and import donations as OSDI JSON (Action Network and other OSDI systems)."),
    ),
)
