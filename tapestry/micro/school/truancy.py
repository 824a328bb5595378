"""The truancy rule: when unexcused absences reach a threshold within a window of school days.

The rule, in the words a school social worker would use:

* A student is flagged when they have TRUANCY_THRESHOLD (5) or more unexcused absences within the
  last TRUANCY_WINDOW_SCHOOL_DAYS (30) school days. School days are Monday to Friday; holidays are
  not subtracted, so a window across a holiday covers a few fewer teaching days and the rule errs
  towards a later alert, never a false one.
* One alert per student per period. An alert remembers the last absence it counted (`period_end`);
  the next alert for that student needs the threshold reached again by absences after that day.
  Running the check twice, or every night, therefore never raises the same alert twice.
* Only enrolments on open (or on-hold) cases, and students enrolled during the window, are checked.

Change the two constants below to change the rule for the whole agency; docs/micro-school.md says
the same in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.micro.cases.models import Case
from tapestry.micro.school.models import AttendanceRecord, Student, TruancyAlert

TRUANCY_THRESHOLD = 5
TRUANCY_WINDOW_SCHOOL_DAYS = 30


def is_school_day(day: dt.date) -> bool:
    return day.weekday() < 5


def window_start(on: dt.date, school_days: int = TRUANCY_WINDOW_SCHOOL_DAYS) -> dt.date:
    """The first day of the window of `school_days` school days that ends on `on` (inclusive)."""
    day, counted = on, 0
    while True:
        if is_school_day(day):
            counted += 1
            if counted == school_days:
                return day
        day -= dt.timedelta(days=1)


def truancy_check(
    *, actor: User | None, on: dt.date | None = None, students: Iterable[Student] | None = None
) -> list[TruancyAlert]:
    """Raise the alerts that are due on `on` (default today) and return the new ones.

    `students` narrows the check (the attendance form checks the one student it saved); the
    nightly command checks everyone. Three reads whatever the number of students, then one
    write and its audit entry per alert raised.
    """
    on = on or timezone.localdate()
    start = window_start(on)
    enrolments = Student.objects.filter(case__status__in=[Case.Status.OPEN, Case.Status.ON_HOLD]).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start), enrolled_on__lte=on
    )
    if students is not None:
        enrolments = enrolments.filter(pk__in=[student.pk for student in students])
    person_of = dict(enrolments.values_list("pk", "case__person_id"))
    last_counted = dict(
        TruancyAlert.objects.filter(student_id__in=person_of)
        .values("student_id")
        .annotate(last=Max("period_end"))
        .values_list("student_id", "last")
    )
    absences: dict[int, list[dt.date]] = defaultdict(list)
    for student_id, day in (
        AttendanceRecord.objects.filter(
            student_id__in=person_of,
            status=AttendanceRecord.Status.ABSENT_UNEXCUSED,
            date__range=(start, on),
        )
        .order_by("date")
        .values_list("student_id", "date")
    ):
        # Absences an earlier alert already counted never count again.
        if student_id not in last_counted or day > last_counted[student_id]:
            absences[student_id].append(day)
    raised = []
    for student_id, days in sorted(absences.items()):
        if len(days) < TRUANCY_THRESHOLD:
            continue
        alert = _raise(actor, student_id, person_of[student_id], start, days, on)
        if alert is not None:
            raised.append(alert)
    return raised


def _raise(
    actor: User | None, student_id: int, person_id: int, start: dt.date, days: list[dt.date], on: dt.date
) -> TruancyAlert | None:
    try:
        with transaction.atomic():
            alert = TruancyAlert.objects.create(
                student_id=student_id,
                period_start=start,
                period_end=days[-1],
                unexcused_absences=len(days),
                threshold=TRUANCY_THRESHOLD,
                raised_on=on,
            )
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=alert,
                person_id=person_id,
                fields=["period_start", "period_end", "unexcused_absences"],
                purpose="truancy check",
            )
    except IntegrityError:
        # A check running at the same moment raised it first: still one alert for the period.
        return None
    return alert
