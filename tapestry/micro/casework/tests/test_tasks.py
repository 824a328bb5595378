"""Tasks: an owner who can open the case, a due date, done or cancelled, overdue ones marked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.micro.casework import services
from tapestry.micro.casework.models import Task
from tapestry.micro.casework.tests.factories import goal_for, plan_for, task_for, today
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    return open_case(cast.caseworker)


def test_marking_a_task_done_stamps_the_time_and_reopening_clears_it(cast, case):
    task = task_for(cast.caseworker, case)

    done = services.task_update(
        actor=cast.caseworker, task=task, version=1, changes={"status": Task.Status.DONE}
    )
    reopened = services.task_update(
        actor=cast.teammate, task=done, version=2, changes={"status": Task.Status.OPEN}
    )

    assert done.completed_at is not None
    assert (reopened.status, reopened.completed_at, reopened.version) == ("open", None, 3)


def test_a_task_is_owned_only_by_someone_who_can_open_the_case(cast, case):
    with pytest.raises(ValidationError) as refused:
        task_for(cast.caseworker, case, owner=cast.outsider)

    assert "cannot open this case" in refused.value.message_dict["owner"][0]


def test_a_teammate_can_own_a_task(cast, case):
    task = task_for(cast.caseworker, case, owner=cast.teammate)

    assert task.owner == cast.teammate


def test_a_task_works_towards_a_goal_of_its_own_case_only(cast, case):
    other = open_case(cast.caseworker)
    plan_for(cast.caseworker, other)
    foreign = goal_for(cast.caseworker, other)

    with pytest.raises(ValidationError) as refused:
        task_for(cast.caseworker, case, goal=foreign)
    assert "goal" in refused.value.message_dict


def test_a_stale_task_edit_is_refused(cast, case):
    task = task_for(cast.caseworker, case)
    services.task_update(actor=cast.caseworker, task=task, version=1, changes={"title": "Call at 9"})

    with pytest.raises(StaleEdit):
        services.task_update(actor=cast.teammate, task=task, version=1, changes={"title": "Call at 10"})
    task.refresh_from_db()
    assert task.title == "Call at 9"


def test_the_overview_marks_overdue_open_tasks(cast, case):
    task_for(cast.caseworker, case, title="Send the form", due_on=today() - dt.timedelta(days=2))
    finished = task_for(cast.caseworker, case, title="Old call", due_on=today() - dt.timedelta(days=5))
    services.task_update(actor=cast.caseworker, task=finished, version=1, changes={"status": "done"})

    page = (
        client_for(cast.caseworker)
        .get(reverse("casework:case_index", kwargs={"case_pk": case.pk}))
        .content.decode()
    )

    assert page.count("Overdue</span>") == 1
    assert page.index("Send the form") < page.index("Overdue</span>") < page.index("Old call")


def test_a_task_is_added_and_closed_through_the_pages(cast, case):
    client = client_for(cast.caseworker)
    due = (today() + dt.timedelta(days=3)).isoformat()

    client.post(
        reverse("casework:task_create", kwargs={"case_pk": case.pk}),
        {
            "title": "Book the interpreter",
            "details": "",
            "owner": cast.teammate.pk,
            "due_on": due,
            "goal": "",
        },
    )
    task = Task.objects.get()
    client.post(
        reverse("casework:task_edit", kwargs={"pk": task.pk}),
        {
            "title": task.title,
            "details": "",
            "owner": cast.teammate.pk,
            "due_on": due,
            "goal": "",
            "status": "cancelled",
            "version": 1,
        },
    )

    task.refresh_from_db()
    assert (task.owner, task.status, task.version) == (cast.teammate, "cancelled", 2)


def test_the_task_form_shows_an_owner_out_of_reach_by_the_field(cast, case):
    response = client_for(cast.caseworker).post(
        reverse("casework:task_create", kwargs={"case_pk": case.pk}),
        {"title": "Visit", "owner": cast.outsider.pk, "due_on": today().isoformat(), "goal": ""},
    )

    assert response.status_code == 200
    assert 'id="id_owner_error"' in response.content.decode()
    assert not Task.objects.exists()
