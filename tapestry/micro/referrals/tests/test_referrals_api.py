"""The referrals API: list and record a case's referrals, open one, send it and record answers."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.tokens import token_create
from tapestry.micro.referrals.disclosure import REDISCLOSURE_NOTICE
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, consent, directory_service, recipient, record, sent

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client: Client, path: str, body: dict):
    return client.post(path, body, content_type="application/json")


def test_record_a_referral_for_a_case(cast):
    case = a_case(cast.caseworker, needs=("substance-use", "unemployment"))
    need = case.needs.get(need__code="substance-use")
    service = directory_service()

    response = post(
        api_client(cast.caseworker),
        f"/api/v1/cases/{case.pk}/referrals",
        {
            "service_id": service.pk,
            "reason": "Assessment, please.",
            "urgency": "soon",
            "case_need_ids": [need.pk],
            "parts": ["identity", "needs"],
        },
    )

    body = response.json()
    assert response.status_code == 201
    assert (body["status"], body["urgency"], body["parts"]) == ("draft", "soon", ["identity", "needs"])
    assert [n["code"] for n in body["needs"]] == ["substance-use"]
    assert body["service"] == {
        "id": service.pk,
        "name": "Outpatient treatment",
        "organization": service.organization.name,
    }


def test_bad_input_is_a_400_by_the_field(cast):
    case = a_case(cast.caseworker)
    other_case = a_case(cast.caseworker, needs=("unemployment",))
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/referrals"

    unknown_service = post(client, path, {"service_id": 999999, "reason": "x", "parts": ["identity"]})
    foreign_need = post(
        client,
        path,
        {
            "service_id": directory_service().pk,
            "reason": "x",
            "case_need_ids": [other_case.needs.get().pk],
            "parts": ["identity"],
        },
    )
    no_reason = post(client, path, {"service_id": directory_service().pk, "reason": "  "})
    bad_part = post(client, path, {"service_id": directory_service().pk, "reason": "x", "parts": ["notes"]})

    assert unknown_service.status_code == 400
    assert unknown_service.json()["errors"] == {
        "service_id": ["No service with this number in the directory."]
    }
    assert foreign_need.json()["errors"] == {"case_need_ids": ["Give needs recorded on this case."]}
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    assert bad_part.status_code == 422
    assert not Referral.objects.exists()


def test_sending_without_consent_is_a_400_naming_the_consent(cast):
    case = a_case(cast.caseworker)
    referral = record(cast.caseworker, case)

    response = post(
        api_client(cast.caseworker),
        f"/api/v1/referrals/{referral.pk}/status",
        {"status": "sent", "version": referral.version},
    )

    assert response.status_code == 400
    assert response.json()["errors"]["consent"][0].startswith(
        f"{case.person.display_name} has no consent in force"
    )
    assert Referral.objects.get().status == "draft"


def test_sending_with_consent_then_recording_answers(cast):
    case = a_case(cast.caseworker)
    consent(case.person)
    referral = record(cast.caseworker, case)
    client = api_client(cast.caseworker)
    path = f"/api/v1/referrals/{referral.pk}/status"

    sent_body = post(client, path, {"status": "sent", "version": 1}).json()
    declined = post(
        client, path, {"status": "declined", "version": sent_body["version"], "decline_reason": "Full"}
    )

    assert sent_body["status"] == "sent" and sent_body["response_due_on"]
    assert declined.status_code == 200
    assert (declined.json()["status"], declined.json()["decline_reason"]) == ("declined", "Full")


def test_out_of_order_or_stale_answers_are_refused(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))
    client = api_client(cast.caseworker)
    path = f"/api/v1/referrals/{referral.pk}/status"

    out_of_order = post(client, path, {"status": "completed", "version": referral.version})
    stale = post(client, path, {"status": "received", "version": referral.version - 1})
    unknown = post(client, path, {"status": "lost", "version": referral.version})

    assert out_of_order.status_code == 400
    assert out_of_order.json()["errors"] == {"status": ["A referral that is sent cannot become completed."]}
    assert stale.status_code == 409
    assert unknown.status_code == 422


def test_list_and_open_with_history_consent_and_notice(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    consent(case.person, segment=Segment.SUBSTANCE_USE, to=recipient(), written=True)
    referral = sent(cast.caseworker, case)
    record(cast.caseworker, case, reason="A second one")
    client = api_client(cast.caseworker)

    listed = client.get(f"/api/v1/cases/{case.pk}/referrals").json()
    opened = client.get(f"/api/v1/referrals/{referral.pk}").json()

    assert listed["count"] == 2
    assert [item["reason"] for item in listed["items"]] == ["A second one", referral.reason]
    assert [event["status"] for event in opened["events"]] == ["draft", "sent"]
    assert opened["consent"]["in_force"] is True
    assert opened["redisclosure_notice"] == REDISCLOSURE_NOTICE
    assert AuditEntry.objects.filter(
        action="view", object_type="referrals.referral", object_id=str(referral.pk)
    ).exists()


def test_referrals_outside_the_caseload_or_segment_are_refused(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    referral = record(cast.caseworker, case)

    assert api_client(cast.outsider).get(f"/api/v1/referrals/{referral.pk}").status_code == 403
    # The teammate shares the caseload but holds no substance-use grant.
    assert api_client(cast.teammate).get(f"/api/v1/referrals/{referral.pk}").status_code == 403
    assert api_client(cast.teammate).get(f"/api/v1/cases/{case.pk}/referrals").status_code == 403
    assert api_client(cast.caseworker).get("/api/v1/referrals/999999").status_code == 404
