"""Team workload: a supervisor sees, per worker they supervise, counts of open work and supervision due."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import CarePlan, Task
from tapestry.micro.casework.tests.factories import note_for, plan_for, task_for
from tapestry.micro.supervision.models import SupervisionSession
from tapestry.micro.supervision.selectors import team_workload
from tapestry.testing import UserFactory, client_for, counted, open_case

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


URL = "/supervision/team/"


def busy(worker, rows: int) -> None:
    """`rows` open cases for the worker, each with an overdue task, an overdue review and a draft note."""
    for _ in range(rows):
        case = open_case(worker)
        task_for(worker, case)
        plan_for(worker, case)
        note_for(worker, case)
        note_for(worker, case, signed=True)
    Task.objects.filter(owner=worker).update(due_on=today() - dt.timedelta(days=3))
    CarePlan.objects.filter(case__worker=worker).update(next_review_on=today() - dt.timedelta(days=1))


def test_each_supervisee_gets_their_own_counts(cast):
    busy(cast.caseworker, 3)
    busy(cast.teammate, 1)
    Case.objects.filter(worker=cast.teammate).update(status=Case.Status.CLOSED)
    busy(cast.outsider, 2)  # supervised by no one: not on the supervisor's list
    rows = {row.worker.username: row for row in team_workload(cast.supervisor)}
    assert set(rows) == {"caseworker", "teammate"}
    mine = rows["caseworker"]
    assert (mine.open_cases, mine.overdue_tasks, mine.overdue_reviews, mine.unsigned_drafts) == (3, 3, 3, 3)
    closed = rows["teammate"]
    # A closed case's plan review is no longer overdue work; its task and draft still are.
    assert (closed.open_cases, closed.overdue_tasks, closed.overdue_reviews, closed.unsigned_drafts) == (
        0,
        1,
        0,
        1,
    )


def test_supervision_due_comes_from_the_latest_session(cast):
    rows = {row.worker.username: row for row in team_workload(cast.supervisor)}
    assert rows["caseworker"].supervision_due_on is None and rows["caseworker"].supervision_overdue
    SupervisionSession.objects.create(
        worker=cast.caseworker,
        supervisor=cast.supervisor,
        held_on=today() - dt.timedelta(days=40),
        next_due_on=today() - dt.timedelta(days=12),
    )
    SupervisionSession.objects.create(
        worker=cast.caseworker,
        supervisor=cast.supervisor,
        held_on=today() - dt.timedelta(days=5),
        next_due_on=today() + dt.timedelta(days=23),
    )
    row = {row.worker.username: row for row in team_workload(cast.supervisor)}["caseworker"]
    assert row.last_supervision == today() - dt.timedelta(days=5)
    assert row.supervision_due_on == today() + dt.timedelta(days=23)
    assert not row.supervision_overdue


def test_the_page_shows_counts_and_no_client(cast):
    busy(cast.caseworker, 2)
    page = client_for(cast.supervisor).get(URL).content.decode()
    assert "Team workload" in page and cast.caseworker.get_full_name() in page
    assert 'id="team-workload"' in page
    person = Case.objects.filter(worker=cast.caseworker).first().person
    assert person.display_name not in page


def test_another_supervisor_sees_only_their_own_staff(cast):
    other = UserFactory(username="other-supervisor", role=Role.SUPERVISOR)
    assert team_workload(other) == []
    page = client_for(other).get(URL).content.decode()
    assert "No one is recorded as supervised by you." in page


def test_recording_a_session_moves_supervision_due(cast):
    client = client_for(cast.supervisor)
    due = today() + dt.timedelta(days=28)
    response = client.post(
        "/supervision/sessions/new/",
        {"worker": cast.caseworker.pk, "held_on": today().isoformat(), "next_due_on": due.isoformat()},
    )
    assert response.status_code == 302
    session = SupervisionSession.objects.get()
    assert (session.worker, session.supervisor, session.next_due_on) == (
        cast.caseworker,
        cast.supervisor,
        due,
    )


def test_a_session_due_before_it_was_held_is_an_error_by_the_field(cast):
    client = client_for(cast.supervisor)
    response = client.post(
        "/supervision/sessions/new/",
        {"worker": cast.caseworker.pk, "held_on": today().isoformat(), "next_due_on": today().isoformat()},
    )
    assert response.status_code == 400
    assert "The next session must come after this one." in response.content.decode()
    assert not SupervisionSession.objects.exists()


def test_only_own_supervisees_can_be_chosen(cast):
    response = client_for(cast.supervisor).post(
        "/supervision/sessions/new/",
        {"worker": cast.outsider.pk, "held_on": today().isoformat(), "next_due_on": "2099-01-01"},
    )
    assert response.status_code == 400
    assert not SupervisionSession.objects.exists()


def api(user):
    from django.test import Client

    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_api_gives_the_same_counts(cast):
    busy(cast.caseworker, 2)
    body = api(cast.supervisor).get("/api/v1/supervision/team-workload").json()
    mine = next(row for row in body if row["worker"]["id"] == cast.caseworker.pk)
    assert (mine["open_cases"], mine["overdue_tasks"], mine["unsigned_drafts"]) == (2, 2, 2)
    assert mine["supervision_overdue"] is True


def test_the_api_records_a_session_and_refuses_bad_input(cast):
    client = api(cast.supervisor)
    due = (today() + dt.timedelta(days=30)).isoformat()
    ok = client.post(
        "/api/v1/supervision/sessions",
        {"worker_id": cast.caseworker.pk, "next_due_on": due},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["worker"]["id"] == cast.caseworker.pk
    bad = client.post(
        "/api/v1/supervision/sessions",
        {"worker_id": cast.outsider.pk, "next_due_on": due},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "worker_id" in bad.json()["errors"]
    assert SupervisionSession.objects.count() == 1


@pytest.mark.parametrize("rows", [2, 12])
def test_the_page_runs_the_same_queries_at_any_size(cast, rows, django_assert_num_queries):
    busy(cast.caseworker, rows)
    busy(cast.teammate, rows)
    for n in range(rows):
        UserFactory(username=f"extra-{n}", supervisor=cast.supervisor)
    counted(client_for(cast.supervisor), URL, 11, django_assert_num_queries)
