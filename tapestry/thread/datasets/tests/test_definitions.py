"""Defining a research data set: the form and the API take a good definition and refuse a bad one
with the reason by the field, writing nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.testing import client_for
from tapestry.thread.datasets.models import DataSet

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Housing outcomes",
    "purpose": "Do clients with housing needs find housing?",
    "fields": ["age", "gender", "area", "case_type", "needs"],
    "period_start": "2025-01-01",
    "period_end": "2025-12-31",
    "k": 11,
    "date_handling": "shift",
    "max_suppressed_percent": 5,
}


@pytest.fixture
def evaluator_client(cast):
    return client_for(cast[Role.EVALUATOR])


def test_the_form_defines_a_data_set(evaluator_client):
    response = evaluator_client.post(reverse("datasets:data_set_create"), GOOD)
    data_set = DataSet.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "datasets:data_set_detail", args=[data_set.pk]
    )
    assert data_set.fields == GOOD["fields"] and data_set.k == 11 and data_set.date_handling == "shift"
    page = evaluator_client.get(response["Location"]).content.decode()
    assert "Age at the start of the period (quasi-identifier)" in page and "Export it now" in page


def test_the_form_offers_no_direct_identifier(evaluator_client):
    page = evaluator_client.get(reverse("datasets:data_set_create")).content.decode().lower()
    for offered in (
        'value="name"',
        'value="phone"',
        'value="email"',
        'value="address"',
        'value="date_of_birth"',
    ):
        assert offered not in page
    assert 'value="age"' in page and 'value="area"' in page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"fields": []}, "fields", "Choose at least one field for the data set."),
        (
            {"fields": ["age", "phone"]},
            "fields",
            "Select a valid choice. phone is not one of the available choices.",
        ),
        ({"k": 1}, "k", "Ensure this value is greater than or equal to 2."),
        ({"period_end": "2024-12-31"}, "period_end", "The period cannot end before it starts."),
        (
            {"date_handling": "blur"},
            "date_handling",
            "Select a valid choice. blur is not one of the available choices.",
        ),
    ],
)
def test_the_form_shows_what_is_wrong_by_the_field(evaluator_client, change, field, message):
    response = evaluator_client.post(reverse("datasets:data_set_create"), {**GOOD, **change})
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not DataSet.objects.exists()


def test_the_api_defines_a_data_set(evaluator_client):
    response = evaluator_client.post("/api/v1/datasets", GOOD, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert (
        body["fields"] == GOOD["fields"]
        and body["k"] == 11
        and body["date_handling_label"].startswith("Shift")
    )
    listed = evaluator_client.get("/api/v1/datasets").json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert evaluator_client.get(f"/api/v1/datasets/{body['id']}").json()["name"] == "Housing outcomes"


@pytest.mark.parametrize(
    ("change", "status", "field", "message"),
    [
        ({"fields": []}, 400, "fields", "Choose at least one field for the data set."),
        (
            {"fields": ["age", "phone", "email"]},
            400,
            "fields",
            "Not in the catalogue of fields: phone, email.",
        ),
        ({"fields": ["age", "age"]}, 400, "fields", "Each field may be chosen once."),
        ({"k": 1}, 400, "k", "k must be at least 2: a class of one person identifies them."),
        (
            {"case_type": "astrology"},
            400,
            "case_type",
            "Choose a case type from the list, or leave it empty for every type.",
        ),
        ({"period_end": "2024-12-31"}, 400, "period_end", "The period cannot end before it starts."),
        ({"program_id": 987654}, 400, "program_id", "No such program."),
        ({"recipient_organisation_id": 987654}, 400, "recipient_organisation_id", "No such organisation."),
    ],
)
def test_the_api_refuses_a_bad_definition_by_the_field(evaluator_client, change, status, field, message):
    response = evaluator_client.post("/api/v1/datasets", {**GOOD, **change}, content_type="application/json")
    assert response.status_code == status
    assert response.json()["errors"][field] == [message]
    assert not DataSet.objects.exists()


@pytest.mark.parametrize("change", [{"date_handling": "blur"}, {"k": "eleven"}, {"secret": 1}, {"name": ""}])
def test_the_api_refuses_malformed_input_with_422(evaluator_client, change):
    response = evaluator_client.post("/api/v1/datasets", {**GOOD, **change}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"] and response.json()["errors"]
    assert not DataSet.objects.exists()


def test_the_api_exports_and_reports_progress(evaluator_client, cast):
    data_set_id = evaluator_client.post("/api/v1/datasets", GOOD, content_type="application/json").json()[
        "id"
    ]
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        created = evaluator_client.post(f"/api/v1/datasets/{data_set_id}/exports")
    assert created.status_code == 201 and created.json()["status"] == "queued"
    export = evaluator_client.get(f"/api/v1/dataset-exports/{created.json()['id']}").json()
    assert export["status"] == "done" and export["report"]["k"] == 11
    assert evaluator_client.get("/api/v1/dataset-exports/987654").status_code == 404


def test_other_analysts_may_not_define_or_export(cast):
    for role in (Role.PROGRAM_MANAGER, Role.COMMUNITY_ORGANISER, Role.AGENCY_DIRECTOR, Role.SUPERVISOR):
        client = client_for(cast[role])
        assert client.post("/api/v1/datasets", GOOD, content_type="application/json").status_code == 403
        assert client.get(reverse("datasets:data_set_list")).status_code == 403
    assert not DataSet.objects.exists()
