"""Small fixtures for the evaluation tests: attendance at held sessions, and an attendance indicator."""

from __future__ import annotations

from datetime import date, time

from tapestry.macro.evaluation.models import Indicator
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.models import Group
from tapestry.programs.models import Program
from tapestry.programs.tests.support import enrol, group_in
from tapestry.testing import PersonFactory


def attendance(
    program: Program, sessions: dict[date, tuple[int, int]], *, name: str = "Tenants group"
) -> Group:
    """A group of `program` with one held session per date, (came, missed) members marked at each."""
    group = group_in(program, name=name)
    size = max(came + missed for came, missed in sessions.values())
    members = [enrol(group, PersonFactory()) for _ in range(size)]
    for held_on, (came, missed) in sessions.items():
        held = Session.objects.create(
            group=group, held_on=held_on, start_time=time(18), topic="Rights at home"
        )
        marks = [Attendance.Mark.PRESENT] * came + [Attendance.Mark.ABSENT] * missed
        Attendance.objects.bulk_create(
            Attendance(session=held, membership=member, status=mark)
            for member, mark in zip(members, marks, strict=False)
        )
    return group


def attendance_indicator(**fields: object) -> Indicator:
    values = {
        "name": "Group attendance rate",
        "definition": "Places attended over places expected at held sessions.",
        "numerator": "group_sessions.places_attended",
        "denominator": "group_sessions.places_expected",
        "factor": Indicator.Factor.PERCENT,
        "period_type": "quarter",
        **fields,
    }
    return Indicator.objects.create(**values)
