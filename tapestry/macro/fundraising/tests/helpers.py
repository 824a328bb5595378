"""Small builders for the fundraising tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from tapestry.access.tokens import token_create
from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift


def donor_with(gifts: int = 2, *, family_name: str = "Mwangi", email: str = "") -> Donor:
    """A donor with `gifts` card donations of $100 over the last days, and a monthly gift."""
    donor = Donor.objects.create(given_name="Ada", family_name=family_name, email=email)
    today = timezone.localdate()
    for n in range(gifts):
        Donation.objects.create(
            donor=donor, amount=Decimal("100"), received_on=today - dt.timedelta(days=n), method="card"
        )
    RecurringGift.objects.create(donor=donor, amount=Decimal("25"), starts_on=today - dt.timedelta(days=40))
    return donor


def api_client(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
