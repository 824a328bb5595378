"""The indicators API: list with latest values, values per period, define and change; errors as ErrorOut."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import api_client, program_for

pytestmark = pytest.mark.django_db

BODY = {
    "name": "Share of housing needs met in time",
    "definition": "Housing needs met within 90 days over those identified.",
    "numerator": "cases.housing_needs_met_within_90_days",
    "denominator": "cases.housing_needs_identified",
    "factor": "percent",
    "period_type": "year",
    "baseline_value": "48.5",
    "baseline_period": "2025",
    "target_value": 65,
    "targets": {"2026": 60},
}


def send(client, method: str, path: str, body: dict):
    return client.generic(method, path, data=json.dumps(body), content_type="application/json")


def test_list_and_values_per_period(cast):
    program = program_for()
    attendance(program, {date(2026, 1, 5): (24, 16), date(2026, 4, 5): (30, 12)})
    indicator = attendance_indicator(program=program, target_value=70)
    client = api_client(cast["program_manager"])

    listed = client.get("/api/v1/indicators").json()
    detail = client.get(f"/api/v1/indicators/{indicator.pk}", {"from": "2026-Q1", "to": "2026-Q3"}).json()

    assert listed["count"] == 1 and listed["items"][0]["name"] == "Group attendance rate"
    assert detail["program"] == {"id": program.pk, "name": "Housing Stability"} and detail["threshold"] == 11
    assert [
        (v["period"], v["numerator"], v["denominator"], v["value"], v["status"]) for v in detail["values"]
    ] == [
        ("2026-Q1", 24, 40, 60.0, "Not met"),
        ("2026-Q2", 30, 42, 71.4, "Met"),
        ("2026-Q3", 0, 0, None, "No data"),
    ]
    assert detail["values"][1]["change"] == 11.4 and detail["values"][1]["suppressed"] is False


def test_a_suppressed_value_is_null_with_the_reason(cast):
    attendance(program_for(), {date(2026, 1, 5): (5, 10)})
    indicator = attendance_indicator()

    value = (
        api_client(cast["evaluator"])
        .get(f"/api/v1/indicators/{indicator.pk}?from=2026-Q1&to=2026-Q1")
        .json()["values"][0]
    )

    assert (value["numerator"], value["value"], value["suppressed"]) == (None, None, True)
    assert "fewer than 11 in the numerator" in value["hidden"]


def test_define_and_change_an_indicator(cast):
    client = api_client(cast["evaluator"])

    created = send(client, "POST", "/api/v1/indicators", {**BODY, "owner_id": cast["evaluator"].pk})
    assert created.status_code == 201, created.json()
    made = created.json()
    assert made["targets"] == {"2026": 60.0} and made["owner"]["id"] == cast["evaluator"].pk

    changed = send(client, "PATCH", f"/api/v1/indicators/{made['id']}", {"version": 1, "target_value": 70})
    stale = send(client, "PATCH", f"/api/v1/indicators/{made['id']}", {"version": 1, "target_value": 75})

    assert (
        changed.status_code == 200
        and changed.json()["version"] == 2
        and changed.json()["target_value"] == "70.00"
    )
    assert stale.status_code == 409
    assert Indicator.objects.get().target_value == 70


@pytest.mark.parametrize(
    ("changes", "status", "field"),
    [
        ({"numerator": "cases.no_such_measure"}, 400, "numerator"),
        ({"factor": "count"}, 400, "denominator"),
        ({"targets": {"2026-Q1": 60}}, 400, "targets"),
        ({"factor": "per_million"}, 422, "factor"),
        ({"program_id": 999}, 400, "program_id"),
        ({"colour": "blue"}, 422, "colour"),
    ],
)
def test_a_bad_definition_is_a_4xx_by_field(cast, changes, status, field):
    response = send(api_client(cast["evaluator"]), "POST", "/api/v1/indicators", {**BODY, **changes})

    body = response.json()
    assert response.status_code == status, body
    assert body["detail"] and any(field in name for name in body["errors"]), body
    assert not Indicator.objects.exists()


def test_bad_periods_missing_indicators_and_refused_roles(cast):
    indicator = attendance_indicator()
    client = api_client(cast["evaluator"])

    bad = client.get(f"/api/v1/indicators/{indicator.pk}?from=2026-13")
    missing = client.get("/api/v1/indicators/999")
    refused = send(api_client(cast["grants_officer"]), "POST", "/api/v1/indicators", BODY)

    assert bad.status_code == 400 and "from" in bad.json()["errors"]
    assert missing.status_code == 404 and missing.json()["detail"] == "No indicator with this number."
    assert refused.status_code == 403


def test_the_measures_an_indicator_may_use(cast):
    measures = {
        found["name"]: found
        for found in api_client(cast["evaluator"]).get("/api/v1/indicators/measures").json()
    }

    assert measures["group_outcomes.phq9_change_total"]["over"] == "group_outcomes.phq9_members_measured"
    assert measures["referrals.sent"]["breakdowns"] == {"service_type": "Service type", "program": "Program"}
