"""The measures group sessions offer (the contract: tapestry/evidence/measures.py).

For indicators: the places members were expected at held sessions, and those they came to, per
period and, if asked, by the group's program. Expected means marked present, late or absent at a
held session; an excused absence was agreed beforehand, so it is not counted as expected.
"""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_noop

from tapestry.evidence.measures import PeriodRows, Periods, Program, period_measure
from tapestry.mezzo.group_sessions.models import Attendance, Session

NO_PROGRAM = "No program"
BY_PROGRAM = (("program", "Program"),)


def _expected(periods: Periods, program: Program | None) -> QuerySet[Attendance]:
    marks = Attendance.objects.filter(
        periods.within("session__held_on"), session__status=Session.Status.HELD
    ).exclude(status=Attendance.Mark.EXCUSED)
    return marks if program is None else marks.filter(membership__group__program=program)


def _per_period(marks: QuerySet[Attendance], periods: Periods, by: str) -> PeriodRows:
    marks = marks.annotate(period=periods.truncate("session__held_on")).order_by()
    if not by:
        return [(start, "", n) for start, n in marks.values_list("period").annotate(n=Count("pk"))]
    found = marks.values_list("period", "membership__group__program__name").annotate(n=Count("pk"))
    return [(start, name or NO_PROGRAM, n) for start, name, n in found]


@period_measure(
    "group_sessions.places_expected",
    gettext_noop("Places expected at held sessions"),
    unit=gettext_noop("member expected at a held session"),
    breakdowns=BY_PROGRAM,
    note=gettext_noop(
        "Each member marked present, late or absent at a held session; excused absences are left out."
    ),
)
def places_expected(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _per_period(_expected(periods, program), periods, by)


@period_measure(
    "group_sessions.places_attended",
    gettext_noop("Places attended at held sessions"),
    unit=gettext_noop("member who came (on time or late) to a held session"),
    breakdowns=BY_PROGRAM,
    note=gettext_noop("Each member marked present or late at a held session."),
    within="group_sessions.places_expected",
)
def places_attended(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _per_period(_expected(periods, program).filter(status__in=Attendance.ATTENDED), periods, by)
