"""The crisis API: risk assessments, the safety plan (with its version) and urgent follow-ups."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.models import AuditEntry, User
from tapestry.access.tokens import token_create
from tapestry.micro.crisis.models import FollowUp, RiskAssessment, SafetyPlan
from tapestry.micro.crisis.services import overdue_follow_ups_escalate
from tapestry.micro.crisis.tests.factories import (
    PLAN,
    assess,
    crisis_case,
    follow_up,
    overdue_follow_up,
    plan,
)

pytestmark = pytest.mark.django_db

KINDS = ("suicide", "self_harm", "violence", "abuse_neglect", "disaster")


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def risks(**levels: str) -> list[dict]:
    return [
        {"risk_type": kind, "level": levels.get(kind, "none"), "factors": "Seen." if kind in levels else ""}
        for kind in KINDS
    ]


# Risk assessments ---------------------------------------------------------------------------


def test_record_a_risk_assessment_prompted_by_a_screen(cast):
    case = crisis_case(cast.caseworker)
    called = timezone.now().isoformat()

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/risk-assessments",
        {
            "risks": risks(suicide="imminent", disaster="low"),
            "immediate_actions": "Called 911; stayed with her.",
            "emergency_contacts": [{"service": "ambulance", "contacted_at": called, "reference": "EMS-5"}],
            "from_assessment_id": 7,
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["highest_level"] == "imminent"
    assert [r["risk_type"] for r in body["risks"]] == list(KINDS)
    assert body["risks"][0]["level_label"] == "Imminent"
    assert body["emergency_contacts"][0]["reference"] == "EMS-5"
    assert body["from_assessment_id"] == 7
    assert body["assessed_by"]["id"] == cast.caseworker.pk


def test_a_missing_risk_type_is_named_before_anything_else(cast):
    case = crisis_case(cast.caseworker)
    given = [r for r in risks() if r["risk_type"] != "violence"]
    given[0] = {"risk_type": "suicide", "level": "moderate", "factors": ""}

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/risk-assessments", {"risks": given}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "risks": ["Give a level for every kind of risk; missing: Violence to others."]
    }


def test_missing_factors_are_named_by_their_place_in_the_list(cast):
    case = crisis_case(cast.caseworker)
    given = risks()
    given[1]["level"] = "high"

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/risk-assessments",
        {"risks": given, "immediate_actions": "Stayed with him."},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"risks.1.factors": ["Say what points to this level of risk."]}
    assert not RiskAssessment.objects.exists()


def test_an_unknown_level_is_a_422_on_that_field(cast):
    case = crisis_case(cast.caseworker)
    given = risks()
    given[0]["level"] = "severe"

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/risk-assessments", {"risks": given}, content_type="application/json"
    )

    assert response.status_code == 422
    assert "risks.0.level" in response.json()["errors"]


def test_list_and_open_are_audited_and_outsiders_refused(cast):
    case = crisis_case(cast.caseworker)
    assessment = assess(cast.caseworker, case, suicide="high")
    client = api_client(cast.teammate)

    listed = client.get(f"/api/v1/cases/{case.pk}/risk-assessments")
    opened = client.get(f"/api/v1/risk-assessments/{assessment.pk}?purpose=handover")
    refused = api_client(cast.outsider).get(f"/api/v1/risk-assessments/{assessment.pk}")

    assert listed.json()["count"] == 1
    assert opened.json()["highest_level"] == "high"
    assert refused.status_code == 403
    views = AuditEntry.objects.filter(actor=cast.teammate, action=AuditEntry.Action.VIEW)
    assert sorted(views.values_list("object_type", flat=True)) == ["cases.case", "crisis.riskassessment"]
    assert views.get(object_type="crisis.riskassessment").purpose == "handover"


def test_a_missing_assessment_is_a_404(cast):
    response = api_client(cast.caseworker).get("/api/v1/risk-assessments/999999")

    assert response.status_code == 404
    assert response.json()["detail"] == "No risk assessment with this number."


# Safety plan --------------------------------------------------------------------------------


def test_the_first_put_creates_the_plan_and_a_later_one_needs_the_version(cast):
    case = crisis_case(cast.caseworker)
    client = api_client(cast.caseworker)
    url = f"/api/v1/cases/{case.pk}/safety-plan"

    created = client.put(url, PLAN, content_type="application/json")
    without_version = client.put(url, PLAN, content_type="application/json")
    revised = client.put(
        url, {**PLAN, "version": 1, "means_safety": ["Knives locked away"]}, content_type="application/json"
    )
    stale = client.put(url, {**PLAN, "version": 1}, content_type="application/json")

    assert created.status_code == 201 and created.json()["version"] == 1
    assert without_version.status_code == 409
    assert revised.status_code == 200 and revised.json()["version"] == 2
    assert revised.json()["means_safety"] == ["Knives locked away"]
    assert stale.status_code == 409
    assert stale.json()["errors"] == {"version": ["The current version is 2."]}
    assert SafetyPlan.objects.get(case=case).means_safety == ["Knives locked away"]


def test_a_professional_contact_needs_a_phone(cast):
    case = crisis_case(cast.caseworker)

    response = api_client(cast.caseworker).put(
        f"/api/v1/cases/{case.pk}/safety-plan",
        {**PLAN, "professional_contacts": [{"name": "Dr Ortega"}]},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "professional_contacts": ["Contact 1 (Dr Ortega) needs a phone number."]
    }


def test_get_the_plan_is_audited_and_404_when_there_is_none(cast):
    case = crisis_case(cast.caseworker)
    client = api_client(cast.caseworker)

    missing = client.get(f"/api/v1/cases/{case.pk}/safety-plan")
    plan(cast.caseworker, case)
    found = client.get(f"/api/v1/cases/{case.pk}/safety-plan")

    assert missing.status_code == 404
    assert missing.json()["detail"] == "This case has no safety plan yet."
    assert found.json()["professional_contacts"] == [{"name": "Crisis line", "phone": "988"}]
    assert (
        AuditEntry.objects.filter(
            actor=cast.caseworker, action="view", object_type="crisis.safetyplan"
        ).count()
        == 1
    )


# Follow-ups ---------------------------------------------------------------------------------


def test_set_list_and_complete_a_follow_up(cast):
    case = crisis_case(cast.caseworker)
    client = api_client(cast.caseworker)
    due = (timezone.now() + timedelta(hours=24)).isoformat()

    made = client.post(
        f"/api/v1/cases/{case.pk}/follow-ups",
        {"title": "Call back", "due_at": due, "owner_id": cast.teammate.pk},
        content_type="application/json",
    )
    listed = client.get(f"/api/v1/cases/{case.pk}/follow-ups")
    done = client.post(
        f"/api/v1/follow-ups/{made.json()['id']}/complete",
        {"outcome": "She is safe."},
        content_type="application/json",
    )
    again = client.post(
        f"/api/v1/follow-ups/{made.json()['id']}/complete",
        {"outcome": "Again."},
        content_type="application/json",
    )

    assert made.status_code == 201
    assert made.json()["owner"]["id"] == cast.teammate.pk
    assert made.json()["status"] == "open"
    assert listed.json()["items"][0]["title"] == "Call back"
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert again.status_code == 400
    assert again.json()["errors"] == {"__all__": ["This follow-up is already done."]}


def test_follow_up_errors_name_the_field(cast):
    case = crisis_case(cast.caseworker)
    client = api_client(cast.caseworker)
    far = (timezone.now() + timedelta(days=10)).isoformat()

    too_late = client.post(
        f"/api/v1/cases/{case.pk}/follow-ups",
        {"title": "Call", "due_at": far},
        content_type="application/json",
    )
    wrong_owner = client.post(
        f"/api/v1/cases/{case.pk}/follow-ups",
        {
            "title": "Call",
            "due_at": (timezone.now() + timedelta(hours=4)).isoformat(),
            "owner_id": cast.outsider.pk,
        },
        content_type="application/json",
    )

    assert too_late.status_code == 400
    assert list(too_late.json()["errors"]) == ["due_at"]
    assert wrong_owner.json()["errors"] == {"owner_id": ["Choose someone who works with this client."]}
    assert not FollowUp.objects.exists()


def test_an_escalated_follow_up_says_to_whom(cast):
    case = crisis_case(cast.caseworker)
    overdue_follow_up(cast.caseworker, case)
    follow_up(cast.caseworker, case)
    overdue_follow_ups_escalate()

    items = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}/follow-ups").json()["items"]

    assert [item["status"] for item in items] == ["overdue", "open"]
    assert items[0]["escalation"]["recipients"] == [
        {"id": cast.supervisor.pk, "name": cast.supervisor.get_full_name()}
    ]
    assert items[1]["escalation"] is None


def test_roles_without_client_records_are_refused(cast):
    case = crisis_case(cast.caseworker)

    response = api_client(cast.by_role["evaluator"]).get(f"/api/v1/cases/{case.pk}/follow-ups")

    assert response.status_code == 403
