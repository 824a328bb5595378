"""Small builders for the campaigns tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.macro.campaigns.models import (
    Activity,
    Campaign,
    Milestone,
    Outreach,
    Petition,
    Signature,
    Supporter,
    Target,
)


def campaign_with(rows: int = 2, *, title: str = "Right to Counsel") -> Campaign:
    """A campaign with `rows` targets, milestones, activities and supporters who signed and wrote."""
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        title=title, kind=Campaign.Kind.LEGISLATIVE_LOBBYING, goals="An ordinance."
    )
    petition = Petition.objects.create(campaign=campaign, title=f"{title} petition", petition_text="Please.")
    for n in range(rows):
        target = Target.objects.create(campaign=campaign, family_name=f"Target {n}", title="Council member")
        Milestone.objects.create(
            campaign=campaign, milestone=f"Milestone {n}", due_on=today + dt.timedelta(days=n)
        )
        Activity.objects.create(
            campaign=campaign, kind=Activity.Kind.MEDIA, held_on=today, title=f"Article {n}"
        )
        supporter = Supporter.objects.create(given_name="Supporter", family_name=f"{title} {n}")
        Signature.objects.create(petition=petition, supporter=supporter)
        Outreach.objects.create(
            campaign=campaign, target=target, supporter=supporter, type=Outreach.Type.EMAIL
        )
    return campaign
