"""Places expected and attended at held sessions per period, for indicators, by program if asked."""

from __future__ import annotations

from datetime import date, time

import pytest

from tapestry.evidence.measures import Periods, rates
from tapestry.mezzo.group_sessions.measures import places_attended, places_expected
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.programs.tests.support import enrol, group_in, program_for
from tapestry.testing import PersonFactory

pytestmark = pytest.mark.django_db

MONTHS = Periods("month", date(2026, 1, 1), date(2026, 2, 1))
MARKS = Attendance.Mark


def session(group, held_on: date, marks: list[str], status: str = Session.Status.HELD) -> None:
    held = Session.objects.create(
        group=group, held_on=held_on, start_time=time(18), topic="Budgets", status=status
    )
    members = list(group.memberships.order_by("pk"))
    for member, mark in zip(members, marks, strict=False):
        Attendance.objects.create(session=held, membership=member, status=mark)


def raw(found, by: str = "") -> dict[tuple[str, str], int]:
    return {(MONTHS.label(start), row): n for start, row, n in found.rows(periods=MONTHS, by=by)}


def test_expected_and_attended_places_by_month_and_program(cast, django_assert_num_queries):
    tenants = group_in(program_for(name="Housing Stability"))
    parents = group_in(program_for(name="Families First"), name="Parents group")
    for group in (tenants, parents):
        for _ in range(4):
            enrol(group, PersonFactory())
    session(tenants, date(2026, 1, 5), [MARKS.PRESENT, MARKS.LATE, MARKS.ABSENT, MARKS.EXCUSED])
    session(tenants, date(2026, 2, 2), [MARKS.PRESENT, MARKS.PRESENT, MARKS.PRESENT, MARKS.ABSENT])
    session(parents, date(2026, 1, 7), [MARKS.ABSENT, MARKS.ABSENT, MARKS.PRESENT, MARKS.PRESENT])
    session(parents, date(2026, 1, 14), [MARKS.PRESENT] * 4, status=Session.Status.CANCELLED)

    with django_assert_num_queries(1):
        assert raw(places_expected) == {("2026-01", ""): 7, ("2026-02", ""): 4}
    assert raw(places_attended) == {("2026-01", ""): 4, ("2026-02", ""): 3}
    with django_assert_num_queries(1):
        assert raw(places_attended, "program") == {
            ("2026-01", "Housing Stability"): 2,
            ("2026-01", "Families First"): 2,
            ("2026-02", "Housing Stability"): 3,
        }


def test_the_attendance_rate_of_a_program(cast):
    program = program_for()
    group = group_in(program)
    for _ in range(12):
        enrol(group, PersonFactory())
    session(group, date(2026, 1, 5), [MARKS.PRESENT] * 12)
    session(group, date(2026, 1, 12), [MARKS.PRESENT] * 11 + [MARKS.ABSENT])
    session(group_in(program_for(name="Other"), name="Other group"), date(2026, 1, 5), [])

    january, february = rates(
        places_attended, places_expected, periods=MONTHS, factor=100, program=program.pk
    )

    # 23 of 24 came, but the one who did not is a small count: the rate is suppressed.
    assert january.total.value is None and january.total.denominator == 24
    assert february.total.value is None and not february.total.suppressed
