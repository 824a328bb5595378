"""The group outcomes API: goals, measures, the report and its suppressed summary, with clear 4xx bodies."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure
from tapestry.mezzo.group_outcomes.tests.factories import answers_for, enrol, make_group, measure
from tapestry.micro.assessments.instruments import INSTRUMENTS, sent_value
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(cast):
    return cast["group_facilitator"]


@pytest.fixture
def group(cast, facilitator):
    # In a program the cast's program manager manages: they read its aggregates.
    return make_group([facilitator], program=program_for(cast["program_manager"]))


def test_goals_are_listed_added_and_patched(facilitator, group):
    api = client_for(facilitator)
    created = api.post(
        f"/api/v1/groups/{group.pk}/goals",
        {"description": "Members feel less alone", "status": "active"},
        content_type="application/json",
    )
    assert created.status_code == 201
    goal_id = created.json()["id"]

    listed = api.get(f"/api/v1/groups/{group.pk}/goals").json()
    assert listed["count"] == 1 and listed["items"][0]["description"] == "Members feel less alone"

    patched = api.patch(
        f"/api/v1/group-goals/{goal_id}", {"version": 1, "status": "met"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["status"] == "met"
    stale = api.patch(
        f"/api/v1/group-goals/{goal_id}", {"version": 1, "status": "not_met"}, content_type="application/json"
    )
    assert stale.status_code == 409
    assert stale.json()["errors"] == {"version": ["The current version is 2."]}


def test_a_bad_goal_status_is_a_422_naming_the_field(facilitator, group):
    response = client_for(facilitator).post(
        f"/api/v1/groups/{group.pk}/goals",
        {"description": "x", "status": "done"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["status"]


def test_a_measure_is_scored_refused_twice_and_bad_answers_are_named(facilitator, group):
    member = enrol(group)
    api = client_for(facilitator)
    url = f"/api/v1/groups/{group.pk}/measures"
    body = {
        "membership_id": member.pk,
        "instrument": "phq-9",
        "phase": "pre",
        "answers": sent(answers_for("phq-9", 21)),
    }

    created = api.post(url, body, content_type="application/json")
    assert created.status_code == 201
    assert (created.json()["total_score"], created.json()["severity_band"]) == (21, "Severe")

    again = api.post(url, body, content_type="application/json")
    assert again.status_code == 409
    assert "already recorded" in again.json()["errors"]["phase"][0]

    bad = api.post(url, {**body, "phase": "post", "answers": {"q1": 5}}, content_type="application/json")
    assert bad.status_code == 422
    errors = bad.json()["errors"]
    assert errors["answers.q1"] == [INSTRUMENTS["phq-9"].item("q1").sent_rule]
    unanswered = api.post(
        url, {**body, "phase": "post", "answers": {"q1": 1}}, content_type="application/json"
    )
    assert unanswered.status_code == 422
    assert unanswered.json()["errors"]["answers.q9"] == ["Choose an answer."]

    stranger = api.post(url, {**body, "membership_id": 999999}, content_type="application/json")
    assert stranger.status_code == 422 and "membership_id" in stranger.json()["errors"]

    listed = api.get(url).json()
    assert listed["count"] == 1 and listed["items"][0]["phase"] == "pre"
    assert MemberMeasure.objects.count() == 1


def test_the_report_and_the_summary(cast, facilitator, group):
    for pre, post in ((15, 9), (12, 12), (10, 4)):
        member = enrol(group)
        measure(facilitator, member, "pre", pre)
        measure(facilitator, member, "post", post)
    GroupGoal.objects.create(group=group, description="a", status="met")
    GroupGoal.objects.create(group=group, description="b", status="partly_met")

    report = client_for(facilitator).get(f"/api/v1/groups/{group.pk}/outcomes").json()
    phq = report["instruments"][0]
    assert (report["goals_met"], report["goals_total"]) == (1, 2)
    assert (phq["members_with_both"], phq["average_change"], phq["improved"], phq["share_improved"]) == (
        3,
        -4.0,
        2,
        67,
    )
    assert len(phq["members"]) == 3

    manager = client_for(cast["program_manager"])
    assert manager.get(f"/api/v1/groups/{group.pk}/outcomes").status_code == 403
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=3):
        summary = manager.get(f"/api/v1/groups/{group.pk}/outcomes/summary").json()
    row = summary["instruments"][0]
    assert (row["members_with_both"], row["average_change"], row["average_change_suppressed"]) == (
        3,
        -4.0,
        False,
    )
    assert "members" not in row
    summary = manager.get(f"/api/v1/groups/{group.pk}/outcomes/summary").json()
    row = summary["instruments"][0]
    assert (row["members_with_both"], row["improved"], row["average_change"]) == (None, None, None)
    assert row["average_change_suppressed"] is True


def test_a_group_someone_does_not_run_is_not_found(cast, group):
    response = client_for(cast.outsider).get(f"/api/v1/groups/{group.pk}/measures")
    assert response.status_code == 404
    assert response.json()["detail"]


def sent(answers: dict[str, str]) -> dict[str, int | str]:
    """Answers as the API takes them: whole numbers as JSON integers."""
    return {code: sent_value(value) for code, value in answers.items()}


@pytest.mark.parametrize("wrong", ["2", True, 2.0, -1, 4])
def test_a_measure_answer_must_be_an_integer_of_the_items_range(facilitator, group, wrong):
    """As on a case (issue 8, item 14): text, true/false, a decimal or an integer out of range is a 422."""
    member = enrol(group)
    api = client_for(facilitator)
    answers = {**sent(answers_for("phq-9", 5)), "q2": wrong}
    body = {"membership_id": member.pk, "instrument": "phq-9", "phase": "pre", "answers": answers}
    response = api.post(f"/api/v1/groups/{group.pk}/measures", body, content_type="application/json")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["answers.q2"]
    assert not MemberMeasure.objects.exists()
