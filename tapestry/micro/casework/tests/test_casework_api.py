"""The casework API: plans, goals, tasks, reviews, notes (drafts, signing, addenda) and services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, User
from tapestry.access.tokens import token_create
from tapestry.micro.casework.models import CarePlan, ProgressNote, Task
from tapestry.micro.casework.tests.factories import (
    DAP,
    case_with_need,
    goal_for,
    note_for,
    plan_for,
    service_for,
    task_for,
    today,
)
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db

JSON = "application/json"


def api(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def later(days: int) -> str:
    return (today() + dt.timedelta(days=days)).isoformat()


# Care plans ---------------------------------------------------------------------------------


def test_a_case_without_a_plan_answers_404_with_a_clear_detail(cast):
    case = open_case(cast.caseworker)

    response = api(cast.caseworker).get(f"/api/v1/cases/{case.pk}/plan")

    assert response.status_code == 404
    assert response.json() == {"detail": "This case has no care plan yet.", "errors": {}}


def test_posting_a_plan_starts_it_then_revises_it(cast):
    case = open_case(cast.caseworker)
    client = api(cast.caseworker)

    started = client.post(f"/api/v1/cases/{case.pk}/plan", {"summary": "Keep the flat."}, content_type=JSON)
    revised = client.post(
        f"/api/v1/cases/{case.pk}/plan",
        {
            "summary": "Keep the flat; find work.",
            "version": 1,
            "reason": "Agreed today",
            "next_review_on": later(14),
        },
        content_type=JSON,
    )

    assert started.status_code == 201
    assert revised.status_code == 200
    body = revised.json()
    assert (body["summary"], body["version"], body["next_review_on"]) == (
        "Keep the flat; find work.",
        2,
        later(14),
    )
    assert [r["reason"] for r in body["revisions"]] == ["Agreed today", "Plan started."]
    assert CarePlan.objects.count() == 1


def test_revising_needs_the_version_and_refuses_a_stale_one(cast):
    case = open_case(cast.caseworker)
    plan_for(cast.caseworker, case)
    client = api(cast.caseworker)

    unversioned = client.post(
        f"/api/v1/cases/{case.pk}/plan", {"summary": "x", "reason": "y"}, content_type=JSON
    )
    client.post(
        f"/api/v1/cases/{case.pk}/plan", {"summary": "a", "reason": "b", "version": 1}, content_type=JSON
    )
    stale = client.post(
        f"/api/v1/cases/{case.pk}/plan", {"summary": "c", "reason": "d", "version": 1}, content_type=JSON
    )

    assert unversioned.status_code == 400 and "version" in unversioned.json()["errors"]
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.json()["detail"]


def test_the_plan_shows_goals_with_needs_tasks_and_reviews_and_its_open_is_audited(cast):
    case, need = case_with_need(cast.caseworker)
    plan = plan_for(cast.caseworker, case)
    goal = goal_for(cast.caseworker, case, needs=[need])
    task_for(cast.caseworker, case, goal=goal)

    body = (
        api(cast.teammate).get(f"/api/v1/cases/{case.pk}/plan", {"purpose": "cover for a colleague"}).json()
    )

    assert body["goals"][0]["needs"][0]["code"] == need.need.code
    assert body["tasks"][0]["goal_id"] == goal.pk
    entry = AuditEntry.objects.get(action="view", object_type="casework.careplan")
    assert (entry.actor, entry.purpose, entry.object_id) == (
        cast.teammate,
        "cover for a colleague",
        str(plan.pk),
    )


def test_goals_are_added_with_needs_and_changed_with_a_reason(cast):
    case, need = case_with_need(cast.caseworker)
    plan_for(cast.caseworker, case)
    client = api(cast.caseworker)

    created = client.post(
        f"/api/v1/cases/{case.pk}/goals",
        {
            "description": "Work",
            "measure": "Applications a week",
            "target": "3",
            "target_date": later(60),
            "need_ids": [need.pk],
        },
        content_type=JSON,
    )
    goal_id = created.json()["id"]
    changed = client.patch(
        f"/api/v1/goals/{goal_id}",
        {"version": 1, "reason": "Harder", "target": "5", "status": "active"},
        content_type=JSON,
    )
    unexplained = client.patch(f"/api/v1/goals/{goal_id}", {"version": 2, "target": "6"}, content_type=JSON)

    assert created.status_code == 201 and created.json()["needs"][0]["id"] == need.pk
    assert changed.status_code == 200 and (changed.json()["target"], changed.json()["version"]) == ("5", 2)
    assert unexplained.status_code == 422 and "reason" in unexplained.json()["errors"]


def test_a_need_of_another_case_is_refused_on_its_field(cast):
    case, _ = case_with_need(cast.caseworker)
    _, foreign = case_with_need(cast.caseworker)
    plan_for(cast.caseworker, case)

    refused = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/goals",
        {
            "description": "Work",
            "measure": "m",
            "target": "t",
            "target_date": later(5),
            "need_ids": [foreign.pk],
        },
        content_type=JSON,
    )

    assert refused.status_code == 400
    assert "need_ids" in refused.json()["errors"]


# Tasks and reviews ----------------------------------------------------------------------------


def test_tasks_are_added_and_marked_done(cast):
    case = open_case(cast.caseworker)
    client = api(cast.caseworker)

    created = client.post(
        f"/api/v1/cases/{case.pk}/tasks",
        {"title": "Call", "due_on": later(2), "owner_id": cast.teammate.pk},
        content_type=JSON,
    )
    done = client.patch(
        f"/api/v1/tasks/{created.json()['id']}", {"version": 1, "status": "done"}, content_type=JSON
    )

    assert created.status_code == 201 and created.json()["owner"]["id"] == cast.teammate.pk
    assert done.status_code == 200 and done.json()["completed_at"] is not None


def test_a_task_owner_out_of_reach_is_refused_on_owner_id(cast):
    case = open_case(cast.caseworker)

    refused = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/tasks",
        {"title": "Call", "due_on": later(2), "owner_id": cast.outsider.pk},
        content_type=JSON,
    )

    assert refused.status_code == 400
    assert "cannot open this case" in refused.json()["errors"]["owner_id"][0]
    assert not Task.objects.exists()


def test_a_review_rates_goals_and_moves_the_next_review(cast):
    case = open_case(cast.caseworker)
    plan_for(cast.caseworker, case)
    goal = goal_for(cast.caseworker, case)

    created = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/reviews",
        {
            "narrative": "Going well.",
            "goal_ratings": [{"goal_id": goal.pk, "rating": 4}],
            "next_review_on": later(28),
        },
        content_type=JSON,
    )
    bad = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/reviews", {"narrative": "x", "overall_rating": 9}, content_type=JSON
    )

    assert created.status_code == 201
    assert created.json()["goal_ratings"] == [{"goal_id": goal.pk, "rating": 4, "comment": ""}]
    assert CarePlan.objects.get().next_review_on.isoformat() == later(28)
    assert bad.status_code == 422 and "overall_rating" in bad.json()["errors"]


# Notes --------------------------------------------------------------------------------------


def test_a_note_is_drafted_changed_signed_and_then_locked(cast):
    case = open_case(cast.caseworker)
    client = api(cast.caseworker)

    created = client.post(
        f"/api/v1/cases/{case.pk}/notes",
        {"format": "dap", "data": "Talked.", "duration_minutes": 50},
        content_type=JSON,
    )
    note_id = created.json()["id"]
    changed = client.patch(
        f"/api/v1/notes/{note_id}",
        {"version": 1, "assessment": "Better.", "plan": "Weekly."},
        content_type=JSON,
    )
    signed = client.post(f"/api/v1/notes/{note_id}/sign", {"version": 2, "attested": True}, content_type=JSON)
    locked = client.patch(f"/api/v1/notes/{note_id}", {"version": 3, "plan": "Edit"}, content_type=JSON)

    assert created.status_code == 201 and created.json()["status"] == "draft"
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert signed.status_code == 200 and signed.json()["signed_by"]["id"] == cast.caseworker.pk
    assert locked.status_code == 409
    assert "is locked, so it cannot be changed. Add an addendum" in locked.json()["detail"]


def test_a_stale_draft_edit_answers_409(cast):
    note = note_for(cast.caseworker, open_case(cast.caseworker))
    client = api(cast.caseworker)
    client.patch(f"/api/v1/notes/{note.pk}", {"version": 1, "title": "First"}, content_type=JSON)

    stale = client.patch(f"/api/v1/notes/{note.pk}", {"version": 1, "title": "Second"}, content_type=JSON)

    assert stale.status_code == 409
    assert stale.json()["errors"] == {"version": ["The current version is 2."]}
    note.refresh_from_db()
    assert note.title == "First"


def test_an_incomplete_note_is_not_signed_and_each_missing_section_is_named(cast):
    note = note_for(cast.caseworker, open_case(cast.caseworker), sections={"data": "Only data"})

    refused = api(cast.caseworker).post(
        f"/api/v1/notes/{note.pk}/sign", {"version": 1, "attested": True}, content_type=JSON
    )

    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"assessment", "plan"}


def test_a_colleague_cannot_sign_someone_elses_note(cast):
    note = note_for(cast.caseworker, open_case(cast.caseworker))

    refused = api(cast.teammate).post(
        f"/api/v1/notes/{note.pk}/sign", {"version": 1, "attested": True}, content_type=JSON
    )

    assert refused.status_code == 403
    note.refresh_from_db()
    assert note.status == ProgressNote.Status.DRAFT


def test_addenda_go_under_a_signed_note(cast):
    note = note_for(cast.caseworker, open_case(cast.caseworker), signed=True)
    client = api(cast.supervisor)

    added = client.post(f"/api/v1/notes/{note.pk}/addenda", {"text": "Date corrected."}, content_type=JSON)
    opened = client.get(f"/api/v1/notes/{note.pk}")

    assert added.status_code == 201 and added.json()["author"]["id"] == cast.supervisor.pk
    assert [a["text"] for a in opened.json()["addenda"]] == ["Date corrected."]
    assert opened.json()["data"] == DAP["data"]


def test_the_note_list_is_paginated_and_shows_no_content(cast):
    case = open_case(cast.caseworker)
    for _ in range(3):
        note_for(cast.caseworker, case)

    page = api(cast.caseworker).get(f"/api/v1/cases/{case.pk}/notes", {"page_size": 2}).json()

    assert page["count"] == 3 and len(page["items"]) == 2
    assert "data" not in page["items"][0]


def test_an_unknown_field_or_format_is_a_422_naming_it(cast):
    case = open_case(cast.caseworker)

    unknown = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/notes", {"format": "dap", "mood": "x"}, content_type=JSON
    )
    bad_format = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/notes", {"format": "birp"}, content_type=JSON
    )

    assert unknown.status_code == 422 and "mood" in unknown.json()["errors"]
    assert bad_format.status_code == 422 and "format" in bad_format.json()["errors"]


# Services -----------------------------------------------------------------------------------


def test_services_are_recorded_and_listed_with_totals(cast):
    case = open_case(cast.caseworker)
    service_for(cast.caseworker, case, service_type="advocacy", minutes=30)
    client = api(cast.caseworker)

    created = client.post(
        f"/api/v1/cases/{case.pk}/services",
        {"service_type": "counselling", "minutes": 50, "modality": "video"},
        content_type=JSON,
    )
    listed = client.get(f"/api/v1/cases/{case.pk}/services").json()

    assert created.status_code == 201 and created.json()["staff"]["id"] == cast.caseworker.pk
    assert (listed["count"], listed["total_minutes"]) == (2, 80)
    assert listed["totals"] == [
        {"service_type": "counselling", "label": "Counselling", "count": 1, "minutes": 50},
        {"service_type": "advocacy", "label": "Advocacy", "count": 1, "minutes": 30},
    ]


def test_a_service_of_zero_minutes_is_refused(cast):
    case = open_case(cast.caseworker)

    refused = api(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/services",
        {"service_type": "group", "minutes": 0, "modality": "phone"},
        content_type=JSON,
    )

    assert refused.status_code == 422 and "minutes" in refused.json()["errors"]


def test_an_outsider_gets_403_and_a_missing_case_404(cast):
    case = open_case(cast.caseworker)

    outsider = api(cast.outsider).get(f"/api/v1/cases/{case.pk}/notes")
    missing = api(cast.caseworker).get("/api/v1/cases/999999/notes")

    assert outsider.status_code == 403
    assert missing.status_code == 404
