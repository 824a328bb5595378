"""The prevention API: programs, activities with headcounts and before/after measures, with clear 4xx bodies."""

from __future__ import annotations

import pytest

from tapestry.mezzo.prevention.models import PreventionProgram
from tapestry.mezzo.prevention.tests.helpers import a_program, days_ago
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_a_program_with_activities_and_measures(cast):
    educator = cast.by_role["community_educator"]
    client = client_for(educator)

    created = post(
        client,
        "/api/v1/prevention-programs",
        {
            "name": "Clear Choices",
            "focus": "substance_use",
            "target_population": "Young people aged 13 to 17",
            "setting": "community",
            "starts_on": str(days_ago(60)),
            "lead_id": educator.pk,
            "risk_factors": ["Easy access to vapes"],
        },
    )
    program_id = created.json()["id"]
    activity = post(
        client,
        f"/api/v1/prevention-programs/{program_id}/activities",
        {
            "kind": "workshop",
            "held_on": str(days_ago(10)),
            "title": "Vaping myths",
            "delivered_by": "Samir",
            "headcount": 17,
            "youth": 17,
        },
    )
    measure = post(
        client,
        f"/api/v1/prevention-programs/{program_id}/measures",
        {
            "name": "Know where to get help",
            "unit": "% of participants",
            "direction": "higher",
            "source": "survey",
            "before_value": "41.0",
            "before_n": 58,
            "before_on": str(days_ago(60)),
            "after_value": "72.0",
            "after_n": 51,
            "after_on": str(days_ago(2)),
        },
    )
    changed = client.patch(
        f"/api/v1/prevention-programs/{program_id}",
        {"version": 1, "ends_on": str(days_ago(-30))},
        content_type="application/json",
    )
    detail = client_for(cast.by_role["evaluator"]).get(f"/api/v1/prevention-programs/{program_id}").json()

    assert (created.status_code, activity.status_code, measure.status_code, changed.status_code) == (
        201,
        201,
        201,
        200,
    )
    assert measure.json()["improved"] is True and float(measure.json()["change"]) == 31.0
    assert detail["reach"]["headcount"] == 17 and detail["reach"]["by_kind"] == [
        {"label": "Workshop", "activities": 1, "headcount": 17}
    ]
    assert detail["version"] == 2 and detail["ends_on"] == str(days_ago(-30))
    assert client.get(f"/api/v1/prevention-programs/{program_id}/activities").json()["count"] == 1
    assert (
        client.get(f"/api/v1/prevention-programs/{program_id}/measures").json()["items"][0]["name"]
        == "Know where to get help"
    )
    assert client.get("/api/v1/prevention-programs?focus=bullying").json()["count"] == 0


def test_errors_name_the_field(cast):
    educator = cast.by_role["community_educator"]
    client = client_for(educator)
    record = a_program(educator)
    base = f"/api/v1/prevention-programs/{record.pk}"

    too_many = post(
        client,
        f"{base}/activities",
        {
            "kind": "workshop",
            "held_on": str(days_ago(1)),
            "title": "x",
            "delivered_by": "S",
            "headcount": 5,
            "adults": 6,
        },
    )
    negative = post(
        client,
        f"{base}/activities",
        {"kind": "workshop", "held_on": str(days_ago(1)), "title": "x", "delivered_by": "S", "headcount": -1},
    )
    bad_lead = post(
        client,
        "/api/v1/prevention-programs",
        {
            "name": "Other",
            "focus": "violence",
            "target_population": "x",
            "setting": "online",
            "starts_on": str(days_ago(1)),
            "lead_id": cast.caseworker.pk,
        },
    )
    stale = client.patch(base, {"version": 9, "name": "New"}, content_type="application/json")
    missing = client.get("/api/v1/prevention-programs/999999")

    assert (
        too_many.status_code == 400 and "more than the headcount" in too_many.json()["errors"]["headcount"][0]
    )
    assert negative.status_code == 422 and "headcount" in negative.json()["errors"]
    assert bad_lead.status_code == 400 and "lead_id" in bad_lead.json()["errors"]
    assert stale.status_code == 409
    assert (
        missing.status_code == 404 and missing.json()["detail"] == "No prevention program with this number."
    )
    assert PreventionProgram.objects.count() == 1


def test_only_program_managers_write(cast):
    record = a_program(cast.by_role["community_educator"])

    refused = post(client_for(cast.caseworker), f"/api/v1/prevention-programs/{record.pk}/activities", {})
    read = client_for(cast.caseworker).get(f"/api/v1/prevention-programs/{record.pk}")

    assert refused.status_code == 403 and refused.json()["detail"]
    assert read.status_code == 200
