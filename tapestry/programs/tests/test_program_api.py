"""The programs API: facts, logic model, budget lines, staff, with clear 4xx answers."""

from __future__ import annotations

import pytest

from tapestry.programs.models import LogicModelItem, ProgramStaff
from tapestry.programs.tests.support import api_client, program_for

pytestmark = pytest.mark.django_db


def test_get_and_patch_a_program_with_its_version(cast):
    program = program_for(cast["program_manager"])
    client = api_client(cast["program_manager"])

    got = client.get(f"/api/v1/programs/{program.pk}")
    patched = client.patch(
        f"/api/v1/programs/{program.pk}",
        {"version": 1, "capacity": 45, "status": "design", "target_population": "Renters"},
        content_type="application/json",
    )
    stale = client.patch(
        f"/api/v1/programs/{program.pk}", {"version": 1, "capacity": 1}, content_type="application/json"
    )
    missing = client.get("/api/v1/programs/999999")

    assert got.status_code == 200 and got.json()["version"] == 1
    assert patched.status_code == 200
    assert (patched.json()["capacity"], patched.json()["status"], patched.json()["is_active"]) == (
        45,
        "design",
        False,
    )
    assert stale.status_code == 409 and "Someone else changed" in stale.json()["detail"]
    assert missing.status_code == 404 and missing.json()["detail"] == "No such program."


def test_logic_model_items_through_the_api(cast):
    program = program_for(cast["program_manager"])
    client = api_client(cast["program_manager"])
    url = f"/api/v1/programs/{program.pk}/logic-model"

    created = client.post(
        url,
        {
            "column": "short_term",
            "text": "Arrears cleared",
            "indicator": "Households with a plan",
            "target_value": "75",
            "unit": "%",
            "measured": "quarterly",
        },
        content_type="application/json",
    )
    client.post(url, {"column": "inputs", "text": "Rent fund"}, content_type="application/json")
    wrong = client.post(
        url, {"column": "inputs", "text": "Staff", "indicator": "FTE"}, content_type="application/json"
    )
    unknown = client.post(url, {"column": "dreams", "text": "x"}, content_type="application/json")
    item_id = created.json()["id"]
    patched = client.patch(
        f"/api/v1/logic-model-items/{item_id}",
        {"version": 1, "text": "Arrears cleared or planned"},
        content_type="application/json",
    )
    listed = client.get(url).json()
    deleted = client.delete(f"/api/v1/logic-model-items/{item_id}")

    assert created.status_code == 201 and created.json()["measured"] == "quarterly"
    assert wrong.status_code == 400 and wrong.json()["errors"] == {
        "indicator": ["Only outcomes carry an indicator."]
    }
    assert unknown.status_code == 422 and "column" in str(unknown.json()["errors"])
    assert patched.json()["text"] == "Arrears cleared or planned" and patched.json()["version"] == 2
    assert [item["column"] for item in listed] == ["inputs", "short_term"]
    assert deleted.status_code == 204 and not LogicModelItem.objects.filter(pk=item_id).exists()


def test_budget_lines_and_totals_through_the_api(cast):
    program = program_for(cast["program_manager"])
    client = api_client(cast["program_manager"])
    url = f"/api/v1/programs/{program.pk}/budget-lines"

    for amount in ("100.00", "50.50"):
        client.post(
            url,
            {"category": "personnel", "description": "Worker", "amount": amount, "fiscal_year": 2026},
            content_type="application/json",
        )
    negative = client.post(
        url,
        {"category": "travel", "description": "Bus", "amount": "-3", "fiscal_year": 2026},
        content_type="application/json",
    )
    body = api_client(cast["evaluator"]).get(url).json()

    assert negative.status_code == 422 and "amount" in str(negative.json()["errors"])
    assert body["total"] == "150.50"
    assert body["totals"] == [{"fiscal_year": 2026, "category": "personnel", "total": "150.50"}]
    assert len(body["items"]) == 2


def test_staff_through_the_api(cast):
    program = program_for(cast["program_manager"])
    client = api_client(cast["program_manager"])
    url = f"/api/v1/programs/{program.pk}/staff"

    added = client.post(url, {"user_id": cast.caseworker.pk, "fte": "0.5"}, content_type="application/json")
    twice = client.post(url, {"user_id": cast.caseworker.pk}, content_type="application/json")
    nobody = client.post(url, {"user_id": 999999}, content_type="application/json")
    listed = api_client(cast["evaluator"]).get(url).json()

    assert added.status_code == 201 and added.json()["fte"] == "0.50"
    assert twice.status_code == 400 and "already on this program" in twice.json()["errors"]["user"][0]
    assert nobody.status_code == 400 and nobody.json()["errors"] == {"user_id": ["No such staff member."]}
    assert {row["user_id"] for row in listed} == {cast.caseworker.pk, cast["program_manager"].pk}
    assert ProgramStaff.objects.filter(program=program).count() == 2


def test_an_explicit_null_clears_a_text_field_and_is_refused_for_a_required_one(cast):
    program = program_for(cast["program_manager"])
    client = api_client(cast["program_manager"])
    url = f"/api/v1/programs/{program.pk}"

    cleared = client.patch(url, {"version": 1, "description": None}, content_type="application/json")
    version = cleared.json()["version"]
    refused = client.patch(url, {"version": version, "name": None}, content_type="application/json")

    assert cleared.status_code == 200 and cleared.json()["description"] == ""
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"name": ["This field cannot be empty."]}
