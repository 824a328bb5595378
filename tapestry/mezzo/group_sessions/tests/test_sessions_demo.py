"""The demo: past sessions for each demo group, attendance for every member, notes, one missed streak."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.access.models import Role, User
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.mezzo.group_sessions import demo, services
from tapestry.mezzo.group_sessions.models import (
    Attendance,
    GroupNote,
    MissedSessionsFollowUp,
    NoteMention,
    Session,
)
from tapestry.mezzo.group_sessions.tests.factories import enrol, make_group, weeks_ago
from tapestry.mezzo.groups.models import Group
from tapestry.people.models import Person
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def _demo_groups() -> None:
    """Stand-ins for the groups app's demo groups, loaded before this app's seed."""
    facilitator = User.objects.filter(role=Role.GROUP_FACILITATOR).first()
    worker = User.objects.get(username="caseworker")
    cases = [open_case(worker, person) for person in Person.objects.order_by("pk")[:10]]
    first = make_group(
        facilitator, name="Demo grief group", first_session_on=weeks_ago(10), start_time=dt.time(18)
    )
    second = make_group(facilitator, name="Demo parenting class", first_session_on=weeks_ago(9))
    for case in cases[:6]:
        enrol(first, case.person, case=case, enrolled_on=weeks_ago(12))
    for case in cases[6:]:
        enrol(second, case.person, case=case, enrolled_on=weeks_ago(12))
    enrol(second, enrolled_on=weeks_ago(12))


def test_without_groups_it_adds_nothing(db):
    demo_load()
    assert demo.seed(DemoContext.load("sessions")) == ""
    assert Session.objects.count() == 0


def test_it_fills_every_demo_group_and_a_second_run_adds_nothing():
    demo_load()
    _demo_groups()

    summary = demo.seed(DemoContext.load("sessions"))
    counts = (Session.objects.count(), Attendance.objects.count(), GroupNote.objects.count())
    again = demo.seed(DemoContext.load("sessions"))

    assert "group sessions" in summary and again == ""
    assert (Session.objects.count(), Attendance.objects.count(), GroupNote.objects.count()) == counts
    for group in Group.objects.all():
        sessions = list(group.sessions.all())
        assert 3 <= len(sessions) <= 8
        for session in sessions:
            assert session.attendance.count() == services.members_on(session).count()
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert {"present", "absent"} <= statuses
    assert NoteMention.objects.exists()
    follow_up = MissedSessionsFollowUp.objects.get()
    assert follow_up.task is not None and "Missed" in follow_up.task.title


def test_it_is_deterministic():
    demo_load()
    _demo_groups()
    demo.seed(DemoContext.load("sessions"))
    first = list(
        Attendance.objects.order_by("session__held_on", "membership_id").values_list("status", flat=True)
    )
    Session.objects.all().delete()
    MissedSessionsFollowUp.objects.all().delete()

    demo.seed(DemoContext.load("sessions"))

    again = list(
        Attendance.objects.order_by("session__held_on", "membership_id").values_list("status", flat=True)
    )
    assert first == again
