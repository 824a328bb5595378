"""Recurring gifts (expected this month, missed) and campaign revenue against the goal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.fundraising import selectors
from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift
from tapestry.macro.fundraising.tests.helpers import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)


def gift(**fields) -> RecurringGift:
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    return RecurringGift.objects.create(donor=donor, amount=Decimal("25"), **fields)


def test_a_monthly_gift_is_expected_this_month_and_missed_where_no_donation_came(cast):
    monthly = gift(starts_on=dt.date(2026, 3, 10))
    for day in (dt.date(2026, 3, 10), dt.date(2026, 5, 12), dt.date(2026, 6, 11)):
        Donation.objects.create(
            donor=monthly.donor, amount=25, received_on=day, method="card", recurring_gift=monthly
        )
    void = Donation.objects.create(
        donor=monthly.donor,
        amount=25,
        received_on=dt.date(2026, 4, 11),
        method="card",
        recurring_gift=monthly,
    )
    void.voided_on = dt.date(2026, 4, 20)
    void.save()

    this_month, missed, _ = selectors.instalments(user=cast["grants_officer"], today=TODAY)

    assert [(i.due_on, i.received) for i in this_month] == [(dt.date(2026, 6, 10), True)]
    assert [i.due_on for i in missed] == [dt.date(2026, 4, 10)]  # the void one does not count
    assert monthly.next_due(TODAY) == dt.date(2026, 7, 10)


def test_paused_and_cancelled_gifts_are_not_expected_and_quarterly_steps_three_months(cast):
    gift(starts_on=dt.date(2026, 1, 15), status="paused")
    gift(starts_on=dt.date(2026, 1, 15), status="cancelled")
    quarterly = gift(starts_on=dt.date(2025, 12, 20), frequency="quarterly")

    this_month, missed, _ = selectors.instalments(user=cast["grants_officer"], today=TODAY)

    assert [(i.gift, i.due_on) for i in this_month] == [(quarterly, dt.date(2026, 6, 20))]
    assert all(i.gift.status != "cancelled" for i in missed)
    assert quarterly.next_due(TODAY) == dt.date(2026, 6, 20)
    assert RecurringGift(status="paused", starts_on=TODAY, frequency="monthly").next_due(TODAY) is None


def test_a_gift_that_ended_is_not_expected_after_its_end(cast):
    ended = gift(starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 4, 30))
    assert [due for due, _ in ended.due_dates(start=dt.date(2026, 1, 1), end=TODAY)] == [
        dt.date(2026, 1, 5),
        dt.date(2026, 2, 5),
        dt.date(2026, 3, 5),
        dt.date(2026, 4, 5),
    ]


@override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=3)
def test_the_campaign_page_shows_goal_raised_share_and_donors_only_when_not_few(cast):
    campaign = Campaign.objects.create(
        title="Right to Counsel",
        kind="legislative_lobbying",
        goals="An ordinance.",
        revenue_goal=Decimal("1000"),
    )
    donors = [Donor.objects.create(given_name="D", family_name=str(n)) for n in range(3)]
    for donor in donors[:2]:
        Donation.objects.create(donor=donor, amount=100, received_on=TODAY, method="cash", campaign=campaign)
    void = Donation.objects.create(
        donor=donors[2], amount=500, received_on=TODAY, method="cash", campaign=campaign
    )
    void.voided_on = TODAY
    void.save()
    url = reverse("campaigns:campaign_detail", args=[campaign.pk])

    page = client_for(cast["evaluator"]).get(url).content.decode()
    assert "$1,000.00" in page and "$200.00 (20% of the goal), from fewer than 3 donors" in page
    api = api_client(cast["evaluator"]).get(f"/api/v1/campaigns/{campaign.pk}").json()
    assert (api["revenue_raised"], api["total_donors"], api["revenue_goal"]) == ("200.00", None, "1000.00")

    Donation.objects.create(donor=donors[2], amount=100, received_on=TODAY, method="cash", campaign=campaign)
    page = client_for(cast["evaluator"]).get(url).content.decode()
    assert "$300.00 (30% of the goal), from 3 donors" in page


def test_the_summary_totals_months_and_funds_for_aggregate_readers_without_names(cast):
    donor = Donor.objects.create(given_name="Ada", family_name="Secretname")
    Donation.objects.create(donor=donor, amount=Decimal("70.50"), received_on=dt.date.today(), method="cash")
    page = client_for(cast["evaluator"]).get(reverse("fundraising:summary"))
    assert page.status_code == 200
    assert "$70.50" in page.content.decode() and "Secretname" not in page.content.decode()
