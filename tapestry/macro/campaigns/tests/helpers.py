"""Small builders for the campaigns tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
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


def event_with(campaign: Campaign, answers: int = 2, *, days_ago: int = 1) -> Activity:
    """An event of the campaign held `days_ago` days ago, with `answers` supporters who said they would come."""
    event = Activity.objects.create(
        campaign=campaign,
        kind=Activity.Kind.EVENT,
        held_on=timezone.localdate() - dt.timedelta(days=days_ago),
        title="Tenants' rally",
    )
    for n in range(answers):
        supporter = Supporter.objects.create(given_name="Guest", family_name=f"{campaign.title} {n}")
        Attendee.objects.create(event=event, supporter=supporter, status=Attendee.Status.ACCEPTED)
    return event
