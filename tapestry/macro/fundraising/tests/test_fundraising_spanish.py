"""Fundraising in Spanish (issue 12, item 10): the donor pages for a worker who chose it, and a
receipt made in Spanish."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tapestry.macro.fundraising import receipts, services
from tapestry.macro.fundraising.models import Donor
from tapestry.testing import client_for, pdf_text

pytestmark = pytest.mark.django_db


def test_the_donor_pages_read_in_spanish(cast):
    officer = cast["grants_officer"]
    officer.language = "es"
    officer.save(update_fields=["language"])
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")

    listing = client_for(officer).get(reverse("fundraising:donor_list")).content.decode()
    page = client_for(officer).get(reverse("fundraising:donor_detail", args=[donor.pk])).content.decode()

    assert "Registrar un donante" in listing and "Record a donor" not in listing
    assert "Registrar una donación" in page and "Record a donation" not in page


def test_a_receipt_made_in_spanish_is_in_spanish(cast):
    officer = cast["grants_officer"]
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    donation = services.donation_record(
        actor=officer,
        donor=donor,
        amount=Decimal("20.00"),
        received_on=timezone.localdate(),
        method="cash",
        receipt=True,
    )

    with translation.override("es"):
        text = pdf_text(receipts.donation_receipt(actor=officer, donation=donation, compress=False))

    assert "Gracias por su donaci" in text
    assert "Thank you for your gift." not in text
