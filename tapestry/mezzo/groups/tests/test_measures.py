"""The measures groups offer: members and attendance by program, one grouped query each, suppressed."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from tapestry.evidence.measures import ask
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.measures import NO_PROGRAM, attendance_by_program, members_by_program
from tapestry.mezzo.groups.models import Membership
from tapestry.programs.tests.support import enrol, group_in, program_for
from tapestry.testing import PersonFactory

pytestmark = pytest.mark.django_db


def test_members_by_program_count_enrolled_people_once(cast, django_assert_num_queries):
    housing, food = program_for(name="Housing Stability"), program_for(name="Food Access")
    tenants, neighbours = group_in(housing), group_in(housing, name="Neighbours")
    people = [PersonFactory() for _ in range(14)]
    for person in people:
        enrol(tenants, person)
    for person in people[:5]:  # in two of the program's groups: counted once
        enrol(neighbours, person)
    enrol(tenants, PersonFactory(), status=Membership.Status.WAITING)  # waiting is not membership
    pantry = group_in(food, name="Pantry")
    for _ in range(12):
        enrol(pantry, PersonFactory())
    loose = group_in(housing, name="Walkers")
    loose.program = None
    loose.save()
    for _ in range(3):
        enrol(loose, PersonFactory())

    with django_assert_num_queries(1):
        table = members_by_program()

    assert table.values() == {"Housing Stability": 14, "Food Access": None, NO_PROGRAM: None}
    assert table.total.value == 29


def test_attendance_by_program_counts_attended_held_sessions(cast, django_assert_num_queries):
    program = program_for()
    group = group_in(program)
    members = [enrol(group, PersonFactory()) for _ in range(6)]
    for week in range(3):
        held = Session.objects.create(
            group=group, held_on=date(2026, 1, 5) + timedelta(weeks=week), start_time=time(18), topic="Rights"
        )
        for n, member in enumerate(members):
            mark = (
                Attendance.Mark.ABSENT
                if n == 0
                else Attendance.Mark.LATE
                if n == 1
                else Attendance.Mark.PRESENT
            )
            Attendance.objects.create(session=held, membership=member, status=mark)
    cancelled = Session.objects.create(
        group=group, held_on=date(2026, 2, 2), start_time=time(18), topic="-", status=Session.Status.CANCELLED
    )
    Attendance.objects.create(session=cancelled, membership=members[2], status=Attendance.Mark.PRESENT)

    with django_assert_num_queries(1):
        table = attendance_by_program()

    assert table.values() == {"Housing Stability": 15}  # 5 of 6 members, 3 held sessions


def test_small_attendance_is_suppressed(cast):
    group = group_in(program_for())
    member = enrol(group, PersonFactory())
    held = Session.objects.create(group=group, held_on=date(2026, 1, 5), start_time=time(18), topic="Rights")
    Attendance.objects.create(session=held, membership=member, status=Attendance.Mark.PRESENT)

    table = attendance_by_program()

    assert table.values() == {"Housing Stability": None} and table.total.value is None


def test_who_may_ask_for_group_counts(cast):
    assert ask(cast["program_manager"], "groups.attendance_by_program").total.value == 0
    with pytest.raises(PermissionDenied):
        ask(cast["group_facilitator"], "groups.members_by_program")
