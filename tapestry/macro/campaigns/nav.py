"""What campaigns offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        200,
        gettext_lazy("Campaigns"),
        "campaigns:campaign_list",
        C.AGGREGATE_READ,
        gettext_lazy(
            "Advocacy, social justice, awareness and lobbying campaigns: targets, milestones, petitions, outreach."
        ),
    ),
    NavEntry(
        "macro",
        210,
        gettext_lazy("Supporters"),
        "campaigns:supporter_list",
        C.POLICY_WORK,
        gettext_lazy("Community members who take part in our campaigns, kept apart from client records."),
    ),
)
