"""The assessments API: definitions, giving and reading assessments, needs, custom forms."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, User
from tapestry.access.tokens import token_create
from tapestry.micro.assessments.instruments import sent_value
from tapestry.micro.assessments.links import crisis_url
from tapestry.micro.assessments.models import Assessment, CustomForm
from tapestry.micro.assessments.tests.factories import NO_NEEDS, custom_form, give, likert
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def api(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client: Client, path: str, body: dict) -> object:
    return client.post(path, json.dumps(body), content_type="application/json")


def as_json(answers: dict[str, str]) -> dict[str, int | str]:
    """Answers as an API client sends them: numbers as JSON integers, words as strings."""
    return {code: sent_value(value) for code, value in answers.items()}


def test_instrument_definitions_carry_items_points_bands_and_codes(cast):
    response = api(cast["evaluator"]).get("/api/v1/instruments")

    assert response.status_code == 200
    by_code = {item["code"]: item for item in response.json()}
    phq9 = by_code["phq-9"]
    assert (phq9["panel_loinc"], phq9["total_loinc"], phq9["flag_at"], phq9["max_total"]) == (
        "44249-1",
        "44261-6",
        10,
        27,
    )
    assert [c["points"] for c in phq9["items"][0]["choices"]] == [0, 1, 2, 3]
    assert phq9["items"][8]["loinc"] == "44260-8"
    assert by_code["c-ssrs-screen"]["panel_loinc"] is None
    assert by_code["c-ssrs-screen"]["items"][2]["asked_if"] == {"item": "q2", "answers": ["yes"]}
    assert [b["label"] for b in by_code["gad-7"]["bands"]] == ["Minimal", "Mild", "Moderate", "Severe"]


def test_giving_an_assessment_returns_the_scored_result(cast):
    case = open_case(cast.caseworker)

    response = post(
        api(cast.caseworker),
        f"/api/v1/cases/{case.pk}/assessments",
        {
            "instrument": "phq-9",
            "answers": {**as_json(likert(2, 9)), "q9": 2},
            "administered_on": "2026-01-05",
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["total_score"], body["severity_band"], body["flagged"], body["crisis"]) == (
        4,
        "Minimal",
        True,
        True,
    )
    assert body["answers"]["q9"] == 2
    assert body["total_loinc"] == "44261-6"
    assert body["crisis_workflow_url"] == (crisis_url(case) or None)
    assert body["name"] == "PHQ-9" and body["administered_by"]["id"] == cast.caseworker.pk


def test_a_missing_answer_is_a_422_naming_the_item(cast):
    case = open_case(cast.caseworker)
    answers = likert(5, 7)
    del answers["q6"]

    response = post(
        api(cast.caseworker),
        f"/api/v1/cases/{case.pk}/assessments",
        {"instrument": "gad-7", "answers": as_json(answers)},
    )

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Some answers are missing or not valid.",
        "errors": {"answers.q6": ["Choose an answer."]},
    }
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"instrument": "beck-42", "answers": {}}, "instrument"),
        ({"answers": {}}, "instrument"),
        ({"instrument": "phq-2", "answers": {"q1": 9, "q2": 0}}, "answers.q1"),
        ({"instrument": "phq-2", "answers": {"q1": 0, "q2": 0, "q3": 1}}, "answers.q3"),
        (
            {"instrument": "phq-2", "answers": {"q1": 0, "q2": 0}, "administered_on": "2999-01-01"},
            "administered_on",
        ),
        ({"instrument": "phq-2", "answers": {"q1": 0, "q2": 0}, "colour": "red"}, "colour"),
        ({"instrument": "phq-2"}, "answers"),
    ],
)
def test_bad_input_is_a_422_with_the_field_named(cast, body, field):
    case = open_case(cast.caseworker)

    response = post(api(cast.caseworker), f"/api/v1/cases/{case.pk}/assessments", body)

    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_a_closed_case_is_a_400_and_an_outsider_a_403_and_a_missing_case_a_404(cast):
    closed = open_case(cast.caseworker, status=Case.Status.CLOSED, closing_reason="goals_met")
    body = {"instrument": "phq-2", "answers": {"q1": 0, "q2": 0}}

    assert post(api(cast.caseworker), f"/api/v1/cases/{closed.pk}/assessments", body).status_code == 400
    assert post(api(cast.outsider), f"/api/v1/cases/{closed.pk}/assessments", body).status_code == 403
    assert post(api(cast.caseworker), "/api/v1/cases/999999/assessments", body).status_code == 404


def test_listing_a_case_is_paginated_filterable_and_audited(cast):
    case = open_case(cast.caseworker)
    give(cast.caseworker, case, "phq-2", {"q1": "1", "q2": "1"})
    give(cast.caseworker, case, "gad-7", likert(3, 7))

    everything = api(cast.teammate).get(f"/api/v1/cases/{case.pk}/assessments").json()
    only_gad = api(cast.teammate).get(f"/api/v1/cases/{case.pk}/assessments", {"instrument": "gad-7"}).json()

    assert everything["count"] == 2 and {i["instrument"] for i in everything["items"]} == {"phq-2", "gad-7"}
    assert "answers" not in everything["items"][0]
    assert [i["total_score"] for i in only_gad["items"]] == [3]
    assert (
        AuditEntry.objects.filter(actor=cast.teammate, action="view", purpose="assessment history").count()
        == 2
    )


def test_opening_one_is_audited_with_its_purpose(cast):
    assessment = give(cast.caseworker, open_case(cast.caseworker), "gad-7", likert(12, 7))

    response = api(cast.supervisor).get(f"/api/v1/assessments/{assessment.pk}", {"purpose": "supervision"})

    assert response.status_code == 200
    assert response.json()["severity_band"] == "Moderate"
    assert len(response.json()["responses"]) == 7
    entry = AuditEntry.objects.filter(actor=cast.supervisor, action="view").latest("id")
    assert (entry.object_id, entry.purpose) == (str(assessment.pk), "supervision")


def test_an_outsider_cannot_open_one(cast):
    assessment = give(cast.caseworker, open_case(cast.caseworker), "gad-7", likert(12, 7))

    assert api(cast.outsider).get(f"/api/v1/assessments/{assessment.pk}").status_code == 403
    assert api(cast.caseworker).get("/api/v1/assessments/999999").status_code == 404


def test_adding_the_needs_of_a_screen_through_the_api(cast):
    case = open_case(cast.caseworker)
    screen = give(cast.caseworker, case, "ahc-hrsn", {**NO_NEEDS, "living": "none", "transport": "yes"})
    client = api(cast.caseworker)

    first = client.post(f"/api/v1/assessments/{screen.pk}/add-needs")
    again = client.post(f"/api/v1/assessments/{screen.pk}/add-needs")

    assert first.status_code == 200
    assert {n["code"] for n in first.json()["added"]} == {"housing-instability", "transportation"}
    assert again.status_code == 400 and "already added" in again.json()["errors"]["needs"][0]
    assert CaseNeed.objects.filter(case=case).count() == 2


def test_custom_forms_are_listed_for_clinicians_and_created_by_administrators(cast):
    form = custom_form(cast["administrator"])

    listed = api(cast.caseworker).get("/api/v1/custom-forms").json()
    refused = post(api(cast.caseworker), "/api/v1/custom-forms", {"name": "X", "questions": []})
    created = post(
        api(cast["administrator"]),
        "/api/v1/custom-forms",
        {
            "name": "Sleep check",
            "flag_at": 2,
            "questions": [
                {
                    "text": "Sleeping badly?",
                    "choices": [{"label": "No", "points": 0}, {"label": "Yes", "points": 2}],
                }
            ],
            "bands": [{"low": 0, "high": 1, "label": "Fine"}, {"low": 2, "high": 2, "label": "Poor"}],
        },
    )

    assert listed["count"] == 1 and listed["items"][0]["id"] == form.pk
    question = listed["items"][0]["questions"][0]
    assert question["code"] == f"q{question['id']}" and question["choices"][0]["value"].startswith("c")
    assert refused.status_code == 403
    assert created.status_code == 201
    assert [b["label"] for b in created.json()["bands"]] == ["Fine", "Poor"]


def test_a_custom_form_given_through_the_api(cast):
    form = custom_form(cast["administrator"])
    definition = api(cast.caseworker).get("/api/v1/custom-forms").json()["items"][0]
    answers = {q["code"]: q["choices"][-1]["value"] for q in definition["questions"]}
    case = open_case(cast.caseworker)

    response = post(
        api(cast.caseworker),
        f"/api/v1/cases/{case.pk}/assessments",
        {"custom_form_id": form.pk, "answers": answers},
    )

    assert response.status_code == 201
    assert (response.json()["total_score"], response.json()["severity_band"], response.json()["flagged"]) == (
        5,
        "High",
        True,
    )
    assert response.json()["instrument"] == "" and response.json()["custom_form_id"] == form.pk


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {
                "name": "",
                "questions": [
                    {"text": "Q", "choices": [{"label": "a", "points": 0}, {"label": "b", "points": 1}]}
                ],
            },
            "name",
        ),
        (
            {"name": "One choice", "questions": [{"text": "Q", "choices": [{"label": "a", "points": 0}]}]},
            "questions.0.choices",
        ),
        (
            {
                "name": "Overlap",
                "questions": [
                    {"text": "Q", "choices": [{"label": "a", "points": 0}, {"label": "b", "points": 1}]}
                ],
                "bands": [{"low": 0, "high": 2, "label": "A"}, {"low": 1, "high": 3, "label": "B"}],
            },
            "bands.1",
        ),
    ],
)
def test_a_bad_custom_form_is_a_422_naming_the_field(cast, body, field):
    response = post(api(cast["administrator"]), "/api/v1/custom-forms", body)

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not CustomForm.objects.exists()
