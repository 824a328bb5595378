"""The community API: assessments, surveys and questions (skip rules checked), staff responses, assets."""

from __future__ import annotations

import pytest

from tapestry.macro.community.models import Answer, Assessment
from tapestry.macro.community.tests.support import county, question, survey
from tapestry.programs.tests.support import api_client

pytestmark = pytest.mark.django_db


def test_an_assessment_is_started_and_changed_from_the_version_read(cast):
    client = api_client(cast["community_organiser"])
    made = client.post(
        "/api/v1/community/assessments",
        {"title": "Needs 2026", "area_id": county().pk},
        content_type="application/json",
    )
    assert made.status_code == 201, made.json()
    pk = made.json()["id"]
    changed = client.patch(
        f"/api/v1/community/assessments/{pk}",
        {"version": 1, "title": "Needs 2026-27"},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    stale = client.patch(
        f"/api/v1/community/assessments/{pk}",
        {"version": 1, "title": "Again"},
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert set(stale.json()) == {"detail", "errors"}
    assert Assessment.objects.get().title == "Needs 2026-27"


def test_an_unknown_area_is_a_field_error(cast):
    client = api_client(cast["community_organiser"])
    answer = client.post(
        "/api/v1/community/assessments",
        {"title": "Needs", "area_id": 999999},
        content_type="application/json",
    )
    assert answer.status_code in (400, 404, 422)
    assert "area_id" in answer.json()["errors"]


def test_a_skip_rule_on_another_surveys_question_is_a_400_by_field(cast):
    asked = survey()
    later = question(survey(), 1)
    client = api_client(cast["community_organiser"])
    answer = client.post(
        f"/api/v1/community/surveys/{asked.pk}/questions",
        {"text": "Why?", "kind": "text", "show_if_id": later.pk, "show_values": ["Yes"]},
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert "show_if" in answer.json()["errors"]


def test_a_staff_response_drops_hidden_answers(cast):
    asked = survey()
    first = question(asked, 1)
    second = question(asked, 2, "number", show_if=first, show_values=["Yes"])
    client = api_client(cast["community_organiser"])
    answer = client.post(
        f"/api/v1/community/surveys/{asked.pk}/responses",
        {"answers": {str(first.pk): ["No"], str(second.pk): ["4"]}},
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["answers_stored"] == 1
    assert Answer.objects.count() == 1


def test_a_missing_required_answer_is_keyed_by_question(cast):
    asked = survey()
    first = question(asked, 1, required=True)
    client = api_client(cast["community_organiser"])
    answer = client.post(
        f"/api/v1/community/surveys/{asked.pk}/responses", {"answers": {}}, content_type="application/json"
    )
    assert answer.status_code == 400
    assert answer.json()["errors"] == {f"q{first.pk}": ["This question needs an answer."]}


def test_the_survey_shows_its_public_path_and_not_its_responses(cast):
    asked = survey()
    question(asked, 1)
    body = api_client(cast["community_organiser"]).get(f"/api/v1/community/surveys/{asked.pk}").json()
    assert body["public_path"] == f"/s/{asked.token}/"
    assert "responses" not in body


def test_an_asset_is_added_and_listed(cast):
    asked = survey()
    client = api_client(cast["community_organiser"])
    made = client.post(
        f"/api/v1/community/assessments/{asked.assessment_id}/assets",
        {"kind": "group", "name": "Tenants' association"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.json()
    listed = client.get(f"/api/v1/community/assessments/{asked.assessment_id}/assets").json()
    assert [item["name"] for item in listed["items"]] == ["Tenants' association"]


def test_a_reader_of_aggregates_reads_results_but_cannot_build(cast):
    asked = survey()
    client = api_client(cast["supervisor"])
    assert client.get(f"/api/v1/community/assessments/{asked.assessment_id}/results").status_code == 200
    assert (
        client.post(
            f"/api/v1/community/assessments/{asked.assessment_id}/surveys",
            {"title": "X"},
            content_type="application/json",
        ).status_code
        == 403
    )
