"""Missed sessions: absent (not excused) N times in a row raises one check-in task for the caseworker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions.models import MissedSessionsFollowUp
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all, weeks_ago
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import Task
from tapestry.testing import UserFactory, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


def _run(facilitator, group, member, marks: list[str], start: int = 12) -> None:
    """One session a week, the member marked as listed, everyone else present."""
    for offset, mark in enumerate(marks):
        session = hold_session(facilitator, group, held_on=weeks_ago(start - offset))
        mark_all(facilitator, session, **{f"m{member.pk}": mark})


def test_the_third_absence_in_a_row_asks_the_caseworker_to_check_in(cast, facilitator):
    group = make_group(facilitator, name="Men's grief group")
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)
    enrol(group)

    _run(facilitator, group, member, ["present", "absent", "absent"])
    assert Task.objects.count() == 0
    _run(facilitator, group, member, ["absent"], start=9)

    task = Task.objects.get()
    assert task.title == "Missed 3 sessions in a row of Men's grief group: check in"
    assert (task.case, task.owner, task.status) == (case, cast.caseworker, Task.Status.OPEN)
    assert task.due_on == timezone.localdate() + dt.timedelta(days=2)
    assert task.created_by is None  # raised by the system, not by the facilitator
    entry = AuditEntry.objects.get(object_type="casework.task", action="create")
    assert (entry.actor, entry.person_id) == (facilitator, case.person_id)


def test_a_streak_raises_once_and_not_again_while_the_task_is_open(cast, facilitator):
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)

    _run(facilitator, group, member, ["absent", "absent", "absent", "absent", "absent"])
    assert Task.objects.count() == 1
    # A new streak after coming back does not raise while the first task is still open ...
    _run(facilitator, group, member, ["present", "absent", "absent", "absent"], start=7)
    assert Task.objects.count() == 1
    # ... but does once it has been dealt with.
    Task.objects.update(status=Task.Status.DONE, completed_at=timezone.now())
    _run(facilitator, group, member, ["present", "absent", "absent", "absent"], start=3)
    assert Task.objects.count() == 2


def test_resaving_the_same_attendance_raises_nothing_new(cast, facilitator):
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)
    _run(facilitator, group, member, ["absent", "absent", "absent"])
    last = group.sessions.order_by("-held_on").first()
    Task.objects.update(status=Task.Status.DONE, completed_at=timezone.now())

    mark_all(facilitator, last, **{f"m{member.pk}": "absent"})

    assert Task.objects.count() == 1
    assert MissedSessionsFollowUp.objects.count() == 1


def test_excused_absences_break_the_streak(cast, facilitator):
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)

    _run(facilitator, group, member, ["absent", "absent", "excused", "absent", "absent"])

    assert Task.objects.count() == 0


def test_without_the_membership_case_the_persons_latest_open_case_is_used(cast, facilitator):
    group = make_group(facilitator)
    closed = open_case(cast.teammate)
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED, closing_reason="goals_met")
    latest = open_case(cast.caseworker, closed.person)
    member = enrol(group, closed.person, case=closed)

    _run(facilitator, group, member, ["absent", "absent", "absent"])

    assert Task.objects.get().case == latest


def test_a_community_member_without_a_case_gets_a_notice_instead(facilitator):
    group = make_group(facilitator)
    member = enrol(group)
    client = client_for(facilitator)
    for weeks in (3, 2):
        mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(weeks)), "absent")
    last = hold_session(facilitator, group, held_on=weeks_ago(1))

    response = client.post(
        reverse("group_sessions:attendance", kwargs={"pk": last.pk}),
        {"version": last.version, f"m{member.pk}": "absent"},
        follow=True,
    )

    assert Task.objects.count() == 0
    assert "has no open case" in response.content.decode()
    follow_up = MissedSessionsFollowUp.objects.get()
    assert (follow_up.missed, follow_up.task) == (3, None)
    rates = client.get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk})).content.decode()
    assert "no caseworker was told" in rates
