"""OSDI donations: a file written from the spec's documented fields imports, exports and imports again;
a file with a bad entry is refused whole, with each problem by entry and field."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from tapestry.macro.fundraising import osdi
from tapestry.macro.fundraising.models import Donation, Donor
from tapestry.macro.fundraising.tests.helpers import api_client

pytestmark = pytest.mark.django_db

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "osdi_donations.json").read_text())


def facts() -> list[tuple]:
    return sorted(
        (str(d.donor), d.donor.email, d.amount, d.received_on, d.method, d.reference, d.voided_on is not None)
        for d in Donation.objects.select_related("donor")
    )


def test_the_spec_example_imports_matching_donors_by_email(cast):
    done = osdi.import_donations(actor=cast["grants_officer"], document=FIXTURE)

    assert done == {"imported": 3, "donors_matched": 0, "donors_created": 2}
    labadie = Donor.objects.get(email="labadie@example.org")
    assert (labadie.city, labadie.postal_code, labadie.phone) == ("New Dudley", "17678", "19876543210")
    assert sorted(labadie.donations.values_list("amount", flat=True)) == [Decimal("5.00"), Decimal("40.00")]
    eft = Donation.objects.get(reference="EFT-77")
    assert eft.method == "bank_transfer" and eft.is_void


def test_import_export_import_gives_the_same_donations(cast):
    officer = cast["grants_officer"]
    osdi.import_donations(actor=officer, document=FIXTURE)
    first = facts()
    exported = api_client(officer).get("/api/v1/fundraising/osdi/donations").json()
    assert exported["total_records"] == 3 and len(exported["_embedded"]["osdi:donations"]) == 3

    refused = api_client(officer).post(
        "/api/v1/fundraising-imports/osdi", exported, content_type="application/json"
    )
    assert refused.status_code == 400 and "is already recorded" in str(refused.json()["errors"]["document"])

    Donation.objects.all().delete()
    Donor.objects.all().delete()
    answer = api_client(officer).post(
        "/api/v1/fundraising-imports/osdi", exported, content_type="application/json"
    )
    assert answer.status_code == 201, answer.content
    assert facts() == first


def test_a_bad_entry_is_reported_by_entry_and_field_and_nothing_is_stored(cast):
    document = copy.deepcopy(FIXTURE)
    entries = document["_embedded"]["osdi:donations"]
    entries[0]["amount"] = -5
    entries[1]["currency"] = "EUR"
    entries[2]["payment"]["method"] = "Barter"
    entries[2]["person"]["email_addresses"][0]["address"] = "not-an-email"

    answer = api_client(cast["grants_officer"]).post(
        "/api/v1/fundraising-imports/osdi", document, content_type="application/json"
    )

    problems = answer.json()["errors"]["document"]
    assert answer.status_code == 400
    assert "osdi:donations[0].amount: must be more than 0." in problems
    assert any(p.startswith("osdi:donations[1].currency:") for p in problems)
    assert any(p.startswith("osdi:donations[2].payment.method:") for p in problems)
    assert any(p.startswith("osdi:donations[2]._embedded.osdi:person.email_addresses") for p in problems)
    assert not Donation.objects.exists() and not Donor.objects.exists()
