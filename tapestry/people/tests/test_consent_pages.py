"""Consent on a person's record: recording it, the rules it must follow, revoking it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Consent, Segment
from tapestry.testing import OrganisationFactory, PersonFactory, assign, client_for, grant

pytestmark = pytest.mark.django_db


def consent_data(**changes: object) -> dict[str, object]:
    data = {
        "purpose": Consent.Purpose.REFERRAL,
        "information": "Contact details and housing need",
        "segment": "",
        "recipient_organisation": "",
        "recipient_description": "",
        "document_reference": "",
        "given_on": "2024-03-01",
        "expires_on": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def person(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    return person


def test_a_consent_is_recorded_and_shown_in_force_on_the_record(cast, person):
    food_bank = OrganisationFactory(name="Northside Food Bank")
    client = client_for(cast.caseworker)

    client.post(
        reverse("people:consent_add", args=[person.pk]), consent_data(recipient_organisation=food_bank.pk)
    )
    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()

    consent = person.consents.get()
    assert consent.recipient_organisation == food_bank
    assert consent.recorded_by == cast.caseworker
    assert "Northside Food Bank" in page and "In force" in page


def test_substance_use_records_need_written_consent_shown_by_the_field(cast, person):
    response = client_for(cast.caseworker).post(
        reverse("people:consent_add", args=[person.pk]), consent_data(segment=Segment.SUBSTANCE_USE)
    )

    page = response.content.decode()
    assert 'id="id_written_error"' in page
    assert "only with written consent" in page
    assert not person.consents.exists()


def test_an_expiry_before_the_consent_is_given_is_refused(cast, person):
    response = client_for(cast.caseworker).post(
        reverse("people:consent_add", args=[person.pk]), consent_data(expires_on="2024-01-01")
    )

    assert 'id="id_expires_on_error"' in response.content.decode()
    assert not person.consents.exists()


def test_revoking_a_consent_ends_it_today_and_is_audited(cast, person):
    consent = Consent.objects.create(
        person=person, information="All", purpose=Consent.Purpose.TREATMENT, given_on=dt.date(2024, 1, 1)
    )
    client = client_for(cast.caseworker)

    response = client.post(reverse("people:consent_revoke", args=[consent.pk]), follow=True)

    consent.refresh_from_db()
    assert consent.revoked_on == timezone.localdate()
    assert f"Revoked {timezone.localdate():%Y-%m-%d}" in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REVOKE, person_id=person.pk).exists()


def test_revoking_needs_a_post(cast, person):
    consent = Consent.objects.create(person=person, information="All", purpose=Consent.Purpose.TREATMENT)

    response = client_for(cast.caseworker).get(reverse("people:consent_revoke", args=[consent.pk]))

    consent.refresh_from_db()
    assert response.status_code == 405
    assert consent.revoked_on is None


def test_someone_outside_the_caseload_cannot_revoke(cast, person):
    consent = Consent.objects.create(person=person, information="All", purpose=Consent.Purpose.TREATMENT)

    response = client_for(cast.outsider).post(reverse("people:consent_revoke", args=[consent.pk]))

    consent.refresh_from_db()
    assert response.status_code == 403
    assert consent.revoked_on is None


def test_a_consent_about_a_sensitive_segment_shows_only_to_those_granted_it(cast, person):
    Consent.objects.create(
        person=person,
        information="Treatment summary",
        purpose=Consent.Purpose.CARE_COORDINATION,
        segment=Segment.SUBSTANCE_USE,
        written=True,
    )
    url = reverse("people:person_detail", args=[person.pk])

    before = client_for(cast.caseworker).get(url).content.decode()
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    after = client_for(cast.caseworker).get(url).content.decode()

    assert "Treatment summary" not in before
    assert "Treatment summary" in after
