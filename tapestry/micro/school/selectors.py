"""Every read of school records, starting from the access policy; opens are audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get, case_read_audit
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
    TruancyAlert,
)
from tapestry.micro.school.truancy import TRUANCY_WINDOW_SCHOOL_DAYS, window_start
from tapestry.people.models import Organisation

NOT_GRANTED = gettext_lazy("School records (FERPA) need the school records grant, which you do not hold.")
PURPOSE = "school social work"


def _require_school_grant(user: User) -> None:
    if not policy.can_view_segment(user, Segment.SCHOOL):
        raise PermissionDenied(NOT_GRANTED)


def school_case_get(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """A case whose school records the user may read (or add to): case in reach and the grant held."""
    case = case_get(user=user, case_id=case_id, for_change=for_change)
    _require_school_grant(user)
    return case


def students_with_attendance(*, user: User, on: dt.date | None = None) -> QuerySet[Student]:
    """Students the user may see, each with counts per attendance status in the truancy window."""
    on = on or timezone.localdate()
    window = Q(attendance__date__range=(window_start(on), on))
    counts = {
        f"count_{status}": Count("attendance", filter=window & Q(attendance__status=status))
        for status in AttendanceRecord.Status.values
    }
    return (
        policy.visible(user, Student.objects.all())
        .select_related("person", "school")
        .annotate(**counts)
        .prefetch_related(
            Prefetch(
                "truancy_alerts",
                queryset=TruancyAlert.objects.filter(followed_up_on__isnull=True),
                to_attr="open_alerts",
            )
        )
    )


def students_on_case(*, user: User, case: Case) -> QuerySet[Student]:
    """The case's enrolments the user may see, to pick from (the case was already opened)."""
    return students_with_attendance(user=user).filter(case=case)


def student_on_case(*, user: User, case: Case, student_id: int) -> Student | None:
    """An enrolment a request body names, if it is on this case and in the user's reach."""
    return students_on_case(user=user, case=case).filter(pk=student_id).first()


def student_with_attendance(*, user: User, student_id: int) -> Student:
    """One enrolment just written, with its attendance counts, as the API answers it."""
    return students_with_attendance(user=user).get(pk=student_id)


@dataclass(frozen=True)
class SchoolOverview:
    case: Case
    students: list[Student]
    incidents: list[BehaviourIncident]
    alerts: list[TruancyAlert]
    plan: EducationSupportPlan | None
    window_days: int = TRUANCY_WINDOW_SCHOOL_DAYS


def case_overview(*, user: User, case_id: int) -> SchoolOverview:
    """Everything on a case's school page, in a fixed number of queries; the open is audited."""
    case = school_case_get(user=user, case_id=case_id)
    students = list(students_on_case(user=user, case=case))
    incidents = list(incidents_for_case(user=user, case=case))
    alerts = list(alerts_for_case(user=user, case=case))
    plan = policy.visible(user, EducationSupportPlan.objects.filter(case=case)).first()
    case_read_audit(
        user, case, ["students", "attendance", "truancy_alerts", "incidents", "support_plan"], purpose=PURPOSE
    )
    return SchoolOverview(case=case, students=students, incidents=incidents, alerts=alerts, plan=plan)


def students_for_case(*, user: User, case: Case) -> QuerySet[Student]:
    """The case's enrolments (the case was already checked); the read is audited."""
    case_read_audit(user, case, ["students"], purpose=PURPOSE)
    return students_with_attendance(user=user).filter(case=case).order_by("enrolled_on", "id")


def _school_record(
    user: User, queryset: QuerySet, pk: int, *, for_change: bool, missing: str, detail: str
) -> Any:
    """The one school record of `queryset` with this pk: 404 if there is none; one out of reach is
    refused for want of the school grant, else as the policy refuses (`refuse_out_of_reach`)."""
    model = queryset.model
    if not model.objects.filter(pk=pk).exists():
        raise Http404(missing)
    found = policy.visible(user, queryset.filter(pk=pk), for_change=for_change).first()
    if found is None:
        _require_school_grant(user)
        policy.refuse_out_of_reach(
            user, missing=missing, detail=detail, person_id=policy.person_of(model, pk)
        )
    return found


def student_get(*, user: User, student_id: int, for_change: bool = False) -> Student:
    """One enrolment the user may see (or add to); 404 if missing, 403 if out of reach or not granted."""
    return _school_record(
        user,
        Student.objects.select_related("case__person", "case__household", "person", "school"),
        student_id,
        for_change=for_change,
        missing=gettext("No student enrolment with this number."),
        detail=gettext("This student is outside your caseload."),
    )


@dataclass(frozen=True)
class AttendanceWeek:
    monday: dt.date
    days: list[tuple[dt.date, AttendanceRecord | None]]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def attendance_weeks(records: list[AttendanceRecord], *, until: dt.date, weeks: int) -> list[AttendanceWeek]:
    """Lay records out as school weeks (Monday to Friday), newest week first."""
    by_day = {record.date: record for record in records}
    newest = monday_of(until)
    result = []
    for back in range(weeks):
        monday = newest - dt.timedelta(weeks=back)
        days = [monday + dt.timedelta(days=n) for n in range(5)]
        result.append(AttendanceWeek(monday, [(day, by_day.get(day)) for day in days]))
    return result


@dataclass(frozen=True)
class StudentDetail:
    student: Student
    weeks: list[AttendanceWeek]
    alerts: list[TruancyAlert]
    incidents: list[BehaviourIncident]
    window_days: int = TRUANCY_WINDOW_SCHOOL_DAYS


def student_detail(*, user: User, student_id: int, weeks: int = 8) -> StudentDetail:
    """A student's page: the recent weeks of attendance, alerts and incidents; the open is audited."""
    found = student_get(user=user, student_id=student_id)
    student = students_with_attendance(user=user).select_related("case__person").get(pk=found.pk)
    today = timezone.localdate()
    since = monday_of(today) - dt.timedelta(weeks=weeks - 1)
    records = list(attendance_for_student(student=student, since=since, until=today))
    alerts = list(student.truancy_alerts.select_related("followed_up_by"))
    incidents = list(student.incidents.select_related("recorded_by"))
    case_read_audit(
        user, student.case, ["attendance", "truancy_alerts", "incidents"], purpose=PURPOSE, obj=student
    )
    return StudentDetail(
        student=student,
        weeks=attendance_weeks(records, until=today, weeks=weeks),
        alerts=alerts,
        incidents=incidents,
    )


def attendance_for_student(
    *, student: Student, since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[AttendanceRecord]:
    """The attendance of a student already checked with `student_get`, oldest first."""
    records = student.attendance.all()
    if since:
        records = records.filter(date__gte=since)
    if until:
        records = records.filter(date__lte=until)
    return records.order_by("date")


def attendance_list(
    *, user: User, student: Student, since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[AttendanceRecord]:
    """A checked student's attendance for the API; the read is audited."""
    case_read_audit(user, student.case, ["attendance"], purpose=PURPOSE, obj=student)
    return attendance_for_student(student=student, since=since, until=until)


def incidents_for_case(*, user: User, case: Case) -> QuerySet[BehaviourIncident]:
    return policy.visible(user, BehaviourIncident.objects.filter(case=case)).select_related(
        "student__person", "student__school", "recorded_by"
    )


def incident_list(*, user: User, case: Case) -> QuerySet[BehaviourIncident]:
    """The case's behaviour incidents for the API; the read is audited."""
    case_read_audit(user, case, ["incidents"], purpose=PURPOSE)
    return incidents_for_case(user=user, case=case)


def support_plan_get(*, user: User, case: Case) -> EducationSupportPlan | None:
    """The case's support plan with its family engagement log, or None; the open is audited."""
    plan = (
        policy.visible(user, EducationSupportPlan.objects.filter(case=case))
        .select_related("created_by")
        .prefetch_related(
            Prefetch("engagements", queryset=FamilyEngagement.objects.select_related("recorded_by"))
        )
        .first()
    )
    if plan is not None:
        case_read_audit(user, case, ["support_plan", "family_engagement"], purpose=PURPOSE, obj=plan)
    else:
        # No plan yet, but the page names the student: still a read of their school case.
        case_read_audit(user, case, ["support_plan"], purpose=PURPOSE)
    return plan


def alerts_for_case(*, user: User, case: Case) -> QuerySet[TruancyAlert]:
    return policy.visible(user, TruancyAlert.objects.filter(student__case=case)).select_related(
        "student__person", "followed_up_by"
    )


def alert_list(*, user: User, case: Case) -> QuerySet[TruancyAlert]:
    """The truancy alerts of a case's students for the API; the read is audited."""
    case_read_audit(user, case, ["truancy_alerts"], purpose=PURPOSE)
    return alerts_for_case(user=user, case=case)


def alert_get(*, user: User, alert_id: int, for_change: bool = False) -> TruancyAlert:
    return _school_record(
        user,
        TruancyAlert.objects.select_related("student__case", "student__person"),
        alert_id,
        for_change=for_change,
        missing=gettext("No truancy alert with this number."),
        detail=gettext("This alert is about a student outside your caseload."),
    )


def schools() -> QuerySet[Organisation]:
    """The schools a student can be enrolled at (organisations are not person-level data)."""
    return Organisation.objects.filter(kind=Organisation.Kind.SCHOOL)


def school_get(*, school_id: int) -> Organisation | None:
    return schools().filter(pk=school_id).first()
