"""The partner page and the list of partners speak Spanish to a worker who chose it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.mezzo.partners.tests.helpers import partnership, today
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


def test_the_partner_pages_are_in_spanish(cast):
    organisation = OrganisationFactory(name="Riverton Food Collective")
    partnership(organisation, ends_on=today() + dt.timedelta(days=10))
    worker = cast.caseworker
    worker.language = "es"
    worker.save(update_fields=["language"])
    client = client_for(worker)

    detail = client.get(reverse("partners:partner_detail", args=[organisation.pk])).content.decode()
    listing = client.get(reverse("partners:partner_list")).content.decode()

    assert "Derivaciones intercambiadas" in detail and "Referrals exchanged" not in detail
    assert "Acuerdo de derivación" in detail and "Referral agreement" not in detail
    assert "Renovación pendiente: vence en 10 días" in listing and "Renewal due" not in listing
