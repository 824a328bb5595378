"""Donors' names and contacts: read only with grant.manage, and each read written to the audit log.
The API answers bad input in the project's error format."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.fundraising.models import Donation, Donor
from tapestry.macro.fundraising.tests.helpers import api_client, donor_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def views_of_donors() -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, fields__contains="email").filter(
            object_type__startswith="fundraising"
        )
    )


@pytest.mark.parametrize(
    "url",
    [
        lambda donor: reverse("fundraising:donor_list") + "?q=Mwangi",
        lambda donor: reverse("fundraising:donor_detail", args=[donor.pk]),
        lambda donor: reverse("fundraising:recurring_list"),
        lambda donor: reverse("fundraising:donation_create"),
        lambda donor: reverse("fundraising:recurring_create"),
    ],
)
def test_each_page_naming_donors_is_audited(cast, url):
    donor = donor_with(1)
    before = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count()
    response = client_for(cast["grants_officer"]).get(url(donor))
    assert response.status_code == 200 and "Mwangi" in response.content.decode()
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).order_by("-id")
    assert entries.count() == before + 1
    assert entries[0].actor == cast["grants_officer"] and "email" in entries[0].fields


@pytest.mark.parametrize("path", ["/api/v1/fundraising/donors", "/api/v1/fundraising/donations"])
def test_api_reads_of_donors_are_audited(cast, path):
    donor_with(1)
    before = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count()
    assert api_client(cast["grants_officer"]).get(path).status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count() == before + 1


def test_aggregate_readers_see_totals_but_no_donor(cast):
    donor = donor_with(1)
    evaluator = client_for(cast["evaluator"])
    assert evaluator.get(reverse("fundraising:summary")).status_code == 200
    assert evaluator.get(reverse("fundraising:donor_detail", args=[donor.pk])).status_code == 403


def test_api_creates_and_changes_a_donation_and_answers_errors_by_field(cast):
    client = api_client(cast["grants_officer"])
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")

    bad = client.post(
        "/api/v1/fundraising/donations",
        {"donor_id": donor.pk, "amount": "25", "method": "in_kind", "fund": "restricted"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) >= {"in_kind_description", "program"} and bad.json()["detail"]

    unknown = client.post(
        "/api/v1/fundraising/donations",
        {"donor_id": 999999, "amount": "25", "method": "cash"},
        content_type="application/json",
    )
    assert unknown.status_code in (400, 422) and "donor_id" in unknown.json()["errors"]

    made = client.post(
        "/api/v1/fundraising/donations",
        {"donor_id": donor.pk, "amount": "25.00", "method": "cash", "receipt": True},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["receipt_number"].endswith("-00001")
    changed = client.patch(
        f"/api/v1/fundraising/donations/{made.json()['id']}",
        {"version": 1, "amount": "30.00"},
        content_type="application/json",
    )
    assert changed.status_code == 400 and "amount" in changed.json()["errors"]
    assert Donation.objects.get().amount == 25


def test_api_recurring_gift_with_its_next_due_day(cast):
    client = api_client(cast["grants_officer"])
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    made = client.post(
        "/api/v1/fundraising/recurring-gifts",
        {
            "donor_id": donor.pk,
            "amount": "10",
            "frequency": "monthly",
            "starts_on": "2020-01-01",
            "ends_on": "2019-01-01",
        },
        content_type="application/json",
    )
    assert made.status_code == 400 and "ends_on" in made.json()["errors"]
    made = client.post(
        "/api/v1/fundraising/recurring-gifts",
        {"donor_id": donor.pk, "amount": "10", "frequency": "monthly", "starts_on": "2020-01-01"},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["next_due_on"].endswith("-01")
    paused = client.patch(
        f"/api/v1/fundraising/recurring-gifts/{made.json()['id']}",
        {"version": 1, "status": "paused"},
        content_type="application/json",
    )
    assert paused.status_code == 200 and paused.json()["next_due_on"] is None
