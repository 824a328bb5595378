"""The stories API: the team proposes and reads whole; reviewers read scrubbed and decide."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tapestry.access.models import Role
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import CaseNeed
from tapestry.testing import PersonFactory, open_case
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.tests.helpers import HOUSING, case_with_consent, need, propose

pytestmark = pytest.mark.django_db


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def send(client: Client, method: str, path: str, body: dict):
    return client.generic(method, f"/api/v1{path}", json.dumps(body), content_type="application/json")


def test_propose_without_consent_is_a_400_on_consent(cast):
    case = open_case(cast.caseworker)
    CaseNeed.objects.create(case=case, need=need(HOUSING))
    body = {"title": "Winter", "text": "A story.", "need_ids": [need(HOUSING).pk]}
    response = send(api(cast.caseworker), "POST", f"/cases/{case.pk}/stories", body)
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "errors"} and "consent" in response.json()["errors"]
    assert not Story.objects.exists()


def test_propose_names_only_the_cases_needs(cast):
    case = case_with_consent(cast.caseworker)
    body = {"title": "Winter", "text": "A story.", "need_ids": [need("food-insecurity").pk]}
    response = send(api(cast.caseworker), "POST", f"/cases/{case.pk}/stories", body)
    assert response.status_code == 400 and "need_ids" in response.json()["errors"]


def test_propose_answers_the_story_whole_to_its_team(cast):
    case = case_with_consent(cast.caseworker, PersonFactory(given_name="Gwendolyn"))
    body = {"title": "Winter", "text": "Gwendolyn slept in a car.", "need_ids": [need(HOUSING).pk]}
    response = send(api(cast.caseworker), "POST", f"/cases/{case.pk}/stories", body)
    assert response.status_code == 201
    story = response.json()
    assert story["original_text"] == "Gwendolyn slept in a car."
    assert story["scrubbed_text"] == "[NAME] slept in a car."
    assert story["spans"] == [{"start": 0, "end": 9, "kind": "name"}]
    assert story["marks"] == [{"start": 0, "end": 6, "kind": "name"}]
    assert story["case_id"] == case.pk


def test_reviewers_never_get_the_original_or_the_case(cast):
    case = case_with_consent(cast.caseworker, PersonFactory(given_name="Gwendolyn", family_name="Pryce"))
    story = propose(cast.caseworker, case, "Gwendolyn slept in a car.")
    client = api(cast.by_role[Role.COMMUNITY_ORGANISER])
    listed = client.get("/api/v1/stories").json()["items"]
    detail = client.get(f"/api/v1/stories/{story.pk}").json()
    for answer in (listed[0], detail):
        assert answer["scrubbed_text"] == "[NAME] slept in a car."
        assert not {"original_text", "spans", "case_id", "consent_id", "proposed_by"} & set(answer)
        assert "Gwendolyn" not in json.dumps(answer) and case.number not in json.dumps(answer)
    assert client.get(f"/api/v1/case-stories/{story.pk}").status_code == 403


def test_approve_and_return(cast):
    case = case_with_consent(cast.caseworker)
    first, second = propose(cast.caseworker, case), propose(cast.caseworker, case)
    client = api(cast.supervisor)
    approved = send(client, "POST", f"/stories/{first.pk}/approve", {"version": 1})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    stale = send(client, "POST", f"/stories/{first.pk}/approve", {"version": 1})
    assert stale.status_code == 409
    no_reason = send(client, "POST", f"/stories/{second.pk}/return", {"version": 1, "reason": " "})
    assert no_reason.status_code == 422
    returned = send(
        client, "POST", f"/stories/{second.pk}/return", {"version": 1, "reason": "Names a school."}
    )
    assert returned.json()["return_reason"] == "Names a school."


def test_self_approval_is_a_403(cast):
    story = propose(cast.supervisor, case_with_consent(cast.supervisor))
    response = send(api(cast.supervisor), "POST", f"/stories/{story.pk}/approve", {"version": 1})
    assert response.status_code == 403 and "another reviewer" in response.json()["detail"]


def test_the_team_changes_and_withdraws(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    client = api(cast.caseworker)
    body = {"version": 1, "title": "New", "text": "Other words.", "need_ids": [need(HOUSING).pk]}
    changed = send(client, "PATCH", f"/case-stories/{story.pk}", body)
    assert changed.status_code == 200 and changed.json()["version"] == 2
    withdrawn = send(client, "POST", f"/case-stories/{story.pk}/withdraw", {"version": 2})
    assert withdrawn.json()["status"] == "withdrawn"
    listed = client.get(f"/api/v1/cases/{story.case_id}/stories").json()
    assert [s["status"] for s in listed] == ["withdrawn"]
