"""What campaigns offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        200,
        "Campaigns",
        "campaigns:campaign_list",
        C.AGGREGATE_READ,
        "Advocacy, social justice, awareness and lobbying campaigns: targets, milestones, petitions, outreach.",
    ),
    NavEntry(
        "macro",
        210,
        "Supporters",
        "campaigns:supporter_list",
        C.POLICY_WORK,
        "Community members who take part in our campaigns, kept apart from client records.",
    ),
)
