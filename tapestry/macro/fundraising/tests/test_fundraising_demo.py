"""The demo fundraising loads once: donors of both kinds, about sixty donations, four recurring gifts."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.macro.campaigns import demo as campaigns_demo
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.fundraising import demo
from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(cast):
    campaigns_demo.seed(DemoContext.load("campaigns-2026"))
    first = demo.seed(DemoContext.load("fundraising-2026"))
    second = demo.seed(DemoContext.load("fundraising-2026"))

    assert first == "15 donors, 61 donations, 4 recurring gifts" and second == ""
    assert set(Donor.objects.values_list("kind", flat=True)) == set(Donor.Kind.values)
    assert RecurringGift.objects.count() == 4 and Donation.objects.filter(method="in_kind").count() == 1
    assert Campaign.objects.filter(revenue_goal__isnull=False).count() == 2
    numbers = list(
        Donation.objects.filter(receipt_number__isnull=False).values_list("receipt_year", "receipt_number")
    )
    assert len(numbers) == len(set(numbers))
