"""Small builders for the evidence-pack tests: a campaign on housing, and housing needs in places."""

from __future__ import annotations

from datetime import date

from tapestry.access.models import User
from tapestry.macro.campaigns.models import Campaign
from tapestry.micro.cases.models import CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Address
from tapestry.testing import open_case
from tapestry.thread.packs.models import Pack


def housing_campaign(title: str = "Safe homes now") -> Campaign:
    campaign = Campaign.objects.create(title=title, kind=Campaign.Kind.POLICY_ADVOCACY, goals="Safe housing.")
    campaign.needs.set(Need.objects.filter(code__in=["homelessness", "inadequate-housing"]))
    return campaign


def housing_needs(worker: User, postcode: str, identified_on: date, n: int) -> None:
    """`n` cases, each with a homelessness need identified on the day, of clients living at `postcode`."""
    need = Need.objects.get(code="homelessness")
    for _ in range(n):
        case = open_case(worker)
        Address.objects.create(
            person=case.person, line1="1 Test Street", city="Springfield", postcode=postcode
        )
        CaseNeed.objects.create(case=case, need=need, identified_on=identified_on)


def pack_for(campaign: Campaign, year: int = 2026, **fields: object) -> Pack:
    pack = Pack.objects.create(
        campaign=campaign, title=f"Evidence for {campaign.title}", first_year=year, last_year=year, **fields
    )
    pack.needs.set(campaign.needs.all())
    return pack
