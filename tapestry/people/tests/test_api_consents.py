"""The consent API: list, record and revoke under the same rules (policy, elements, audit) as the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.models import AuditEntry, Consent, Segment
from tapestry.access.tokens import token_create
from tapestry.testing import OrganisationFactory, PersonFactory, assign, grant

pytestmark = pytest.mark.django_db


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def person(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    return person


def part2_body(clinic, **changes: object) -> dict[str, object]:
    today = timezone.localdate()
    return {
        "purpose": "treatment",
        "segment": "substance_use",
        "record_parts": ["treatment_plan", "medication"],
        "discloser": "Tapestry agency",
        "recipient_organisation_id": clinic.pk,
        "written": True,
        "signed_by": "person",
        "signed_on": str(today),
        "expires_on": str(today + dt.timedelta(days=180)),
        **changes,
    }


def test_a_complete_part_2_consent_is_recorded_and_audited(cast, person):
    clinic = OrganisationFactory(name="Harbourview Recovery Clinic")
    grant(cast.caseworker, Segment.SUBSTANCE_USE)

    response = api(cast.caseworker).post(
        f"/api/v1/persons/{person.pk}/consents", part2_body(clinic), content_type="application/json"
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["recipient_name"] == "Harbourview Recovery Clinic"
    assert body["missing_elements"] == {} and body["in_force"] is True
    assert body["revocation_statement"]  # the standard statement when none is sent
    assert AuditEntry.objects.filter(
        action="create", object_type="access.consent", person_id=person.pk
    ).exists()


def test_a_consent_missing_elements_is_a_422_naming_each(cast, person):
    clinic = OrganisationFactory()

    response = api(cast.caseworker).post(
        f"/api/v1/persons/{person.pk}/consents",
        part2_body(clinic, expires_on=None, signed_on=None),
        content_type="application/json",
    )

    assert response.status_code == 422
    body = response.json()
    assert body["detail"]
    assert "2.31(a)(7)" in body["errors"]["expires_on"][0]
    assert "2.31(a)(9)" in body["errors"]["signed_on"][0]
    assert not Consent.objects.exists()


def test_the_list_shows_sensitive_consents_only_to_those_granted_and_is_audited(cast, person):
    Consent.objects.create(person=person, information="Name", purpose="referral")
    Consent.objects.create(
        person=person, information="Plan", purpose="treatment", segment=Segment.SUBSTANCE_USE
    )

    before = api(cast.caseworker).get(f"/api/v1/persons/{person.pk}/consents").json()
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    after = api(cast.caseworker).get(f"/api/v1/persons/{person.pk}/consents").json()

    assert [c["information"] for c in before] == ["Name"]
    assert sorted(c["information"] for c in after) == ["Name", "Plan"]
    old = next(c for c in after if c["segment"] == "substance_use")
    assert "record_parts" in old["missing_elements"]  # recorded before the 2024 elements: incomplete
    assert (
        AuditEntry.objects.filter(action="view", object_type="access.consent", person_id=person.pk).count()
        == 2
    )


def test_revoking_through_the_api_ends_it_today_once(cast, person):
    consent = Consent.objects.create(person=person, information="Name", purpose="referral")
    client = api(cast.caseworker)

    first = client.post(f"/api/v1/consents/{consent.pk}/revoke")
    again = client.post(f"/api/v1/consents/{consent.pk}/revoke")

    assert first.status_code == 200 and first.json()["revoked_on"] == str(timezone.localdate())
    assert again.status_code == 422 and "already revoked" in again.json()["errors"]["revoked_on"][0]
    assert AuditEntry.objects.filter(action="revoke", person_id=person.pk).count() == 1


def test_someone_outside_the_caseload_can_neither_read_nor_record_nor_revoke(cast, person):
    consent = Consent.objects.create(person=person, information="Name", purpose="referral")
    client = api(cast.outsider)

    listed = client.get(f"/api/v1/persons/{person.pk}/consents")
    recorded = client.post(
        f"/api/v1/persons/{person.pk}/consents", {"purpose": "referral"}, content_type="application/json"
    )
    revoked = client.post(f"/api/v1/consents/{consent.pk}/revoke")

    assert (listed.status_code, recorded.status_code, revoked.status_code) == (403, 403, 403)
    consent.refresh_from_db()
    assert consent.revoked_on is None


def test_schema_names_are_the_consent_api_own(client):
    document = client.get("/api/v1/openapi.json").json()

    assert {"PersonConsentOut", "PersonConsentRecordIn"} <= set(document["components"]["schemas"])
