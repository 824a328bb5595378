"""The alerts API: a person's alerts in force and their history, raise by hand, resolve with a reason."""

from __future__ import annotations

import pytest

from tapestry.micro.alerts.models import ClientAlert
from tapestry.micro.alerts.tests.support import api_client, phq9
from tapestry.micro.crisis.tests.factories import crisis_case, plan

pytestmark = pytest.mark.django_db


def test_list_the_alerts_in_force(cast):
    case = crisis_case(cast.caseworker)
    phq9(cast.caseworker, case)
    plan(cast.caseworker, case)

    body = api_client(cast.caseworker).get(f"/api/v1/persons/{case.person_id}/alerts").json()

    assert [item["kind"] for item in body["items"]] == ["suicide_risk", "safety_plan"]
    assert body["items"][0]["alert_id"] == ClientAlert.objects.get().pk
    assert body["items"][1]["alert_id"] is None


def test_resolve_needs_a_reason_then_keeps_it(cast):
    case = crisis_case(cast.caseworker)
    phq9(cast.caseworker, case)
    alert = ClientAlert.objects.get()
    client = api_client(cast.caseworker)
    url = f"/api/v1/persons/{case.person_id}/alerts/{alert.pk}/resolve"

    refused = client.post(url, {"reason": "  "}, content_type="application/json")
    assert refused.status_code == 422
    assert "reason" in refused.json()["errors"]
    assert ClientAlert.objects.get().resolved_at is None

    done = client.post(url, {"reason": "Reviewed with the client."}, content_type="application/json")
    assert done.status_code == 200
    assert done.json()["resolution_reason"] == "Reviewed with the client."
    assert done.json()["resolved_by"] == cast.caseworker.get_full_name()

    history = client.get(f"/api/v1/persons/{case.person_id}/alerts/history").json()["items"]
    assert [item["resolution_reason"] for item in history] == ["Reviewed with the client."]


def test_an_alert_of_another_person_is_not_found(cast):
    case = crisis_case(cast.caseworker)
    other = crisis_case(cast.caseworker)
    phq9(cast.caseworker, case)
    alert = ClientAlert.objects.get()

    response = api_client(cast.caseworker).post(
        f"/api/v1/persons/{other.person_id}/alerts/{alert.pk}/resolve",
        {"reason": "Reviewed."},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_raise_by_hand_refuses_a_suicide_risk_alert(cast):
    case = crisis_case(cast.caseworker)
    client = api_client(cast.caseworker)
    url = f"/api/v1/persons/{case.person_id}/alerts"

    refused = client.post(
        url, {"kind": "suicide_risk", "reason": "Worried."}, content_type="application/json"
    )
    assert refused.status_code == 400 and "kind" in refused.json()["errors"]

    raised = client.post(
        url, {"kind": "home_visit_safety", "reason": "Visit in pairs."}, content_type="application/json"
    )
    assert raised.status_code == 201 and raised.json()["kind_label"] == "Safety concern for home visits"
