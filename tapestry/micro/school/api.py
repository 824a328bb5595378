"""API routes of school social work: enrolments, attendance, incidents, support plans, truancy alerts."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router

from tapestry.micro.school import selectors, services
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    FamilyEngagement,
    Student,
    TruancyAlert,
)
from tapestry.micro.school.schemas import (
    AttendanceSavedOut,
    EngagementIn,
    EngagementOut,
    IncidentIn,
    IncidentOut,
    SchoolAttendanceIn,
    SchoolAttendanceOut,
    StudentDirectoryOptOutIn,
    StudentIn,
    StudentOut,
    SupportPlanIn,
    SupportPlanOut,
    TruancyAlertOut,
)
from tapestry.people import selectors as people_selectors
from tapestry.people.models import Person
from tapestry.web.ids import found_or_404, referenced
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["school"])


def _person_in_body(request: HttpRequest, person_id: int) -> Person:
    try:
        return people_selectors.person_get(user=request.user, person_id=person_id)
    except (Http404, PermissionDenied) as exc:
        raise ValidationError({"person_id": [str(exc)]}) from exc


@paged_get(
    router,
    "/cases/{case_id}/school/students",
    StudentOut,
    summary="List a case's student enrolments",
    description="Each with the days per attendance status in the truancy window. Needs the school records grant.",
)
def school_student_list(request: HttpRequest, case_id: int) -> QuerySet[Student]:
    case = selectors.school_case_get(user=request.user, case_id=case_id)
    return selectors.students_for_case(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/school/students",
    StudentOut,
    summary="Enrol the case's person (or a child in its household) at a school",
)
def school_student_enrol(request: HttpRequest, case_id: int, payload: StudentIn) -> Student:
    case = selectors.school_case_get(user=request.user, case_id=case_id, for_change=True)
    school = referenced(
        "school_id",
        lambda: selectors.school_get(school_id=payload.school_id),
        "No school with this number; schools are organisations of kind school.",
    )
    person = _person_in_body(request, payload.person_id) if payload.person_id else None
    student = services.student_enrol(
        actor=request.user,
        case=case,
        school=school,
        person=person,
        **payload.model_dump(exclude={"school_id", "person_id"}),
    )
    return selectors.student_with_attendance(user=request.user, student_id=student.pk)


@router.put(
    "/students/{student_id}/directory-opt-out",
    response={200: StudentOut, **error_responses(404, 400, 422)},
    summary="Record or withdraw a refusal of directory disclosure (FERPA 34 CFR 99.37)",
    description="Allowed on an ended enrolment too: the refusal holds for former students (99.37(b)).",
)
def school_student_directory_opt_out(
    request: HttpRequest, student_id: int, payload: StudentDirectoryOptOutIn
) -> object:
    student = selectors.student_get(user=request.user, student_id=student_id, for_change=True)
    services.student_directory_opt_out(
        actor=request.user,
        student=student,
        opt_out=payload.directory_opt_out,
        on=payload.directory_opt_out_on,
    )
    return selectors.student_with_attendance(user=request.user, student_id=student.pk)


@paged_get(
    router,
    "/students/{student_id}/attendance",
    SchoolAttendanceOut,
    summary="A student's attendance, oldest day first",
    description="`since` and `until` (YYYY-MM-DD) narrow the days; the read is audited.",
)
def school_attendance_list(
    request: HttpRequest,
    student_id: int,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[AttendanceRecord]:
    student = selectors.student_get(user=request.user, student_id=student_id)
    return selectors.attendance_list(user=request.user, student=student, since=since, until=until)


@router.post(
    "/students/{student_id}/attendance",
    response={200: AttendanceSavedOut, **error_responses(404, 400, 422)},
    summary="Record or correct attendance for several school days",
    description=(
        "All or nothing: a wrong day (future, weekend, outside the enrolment) answers 400 with the error "
        "under `days.<n>` and saves nothing. Any truancy alert the days raise is in the answer."
    ),
)
def school_attendance_record(request: HttpRequest, student_id: int, payload: SchoolAttendanceIn) -> dict:
    student = selectors.student_get(user=request.user, student_id=student_id, for_change=True)
    days = [services.AttendanceDay(day.date, day.status, day.note) for day in payload.days]
    saved = services.attendance_record(actor=request.user, student=student, days=days)
    return {"days": saved.records, "truancy_alerts_raised": saved.alerts}


@paged_get(
    router,
    "/cases/{case_id}/school/incidents",
    IncidentOut,
    summary="List a case's behaviour incidents, newest first",
)
def school_incident_list(request: HttpRequest, case_id: int) -> QuerySet[BehaviourIncident]:
    case = selectors.school_case_get(user=request.user, case_id=case_id)
    return selectors.incident_list(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/school/incidents",
    IncidentOut,
    summary="Record a behaviour incident (bullying as target or aggressor, fighting, ...)",
)
def school_incident_record(request: HttpRequest, case_id: int, payload: IncidentIn) -> BehaviourIncident:
    case = selectors.school_case_get(user=request.user, case_id=case_id, for_change=True)
    student = referenced(
        "student_id",
        lambda: selectors.student_on_case(user=request.user, case=case, student_id=payload.student_id),
        "No student with this number is enrolled on this case.",
    )
    return services.incident_record(
        actor=request.user, case=case, student=student, **payload.model_dump(exclude={"student_id"})
    )


@router.get(
    "/cases/{case_id}/school/support-plan",
    response={200: SupportPlanOut, **error_responses(404, 422)},
    summary="Open a case's education support plan, with its family engagement log",
    description="404 when the case has no plan yet; write one with PUT and `version` 0.",
)
def school_support_plan_get(request: HttpRequest, case_id: int) -> object:
    case = selectors.school_case_get(user=request.user, case_id=case_id)
    return found_or_404(
        selectors.support_plan_get(user=request.user, case=case),
        "This case has no education support plan yet.",
    )


@router.put(
    "/cases/{case_id}/school/support-plan",
    response={200: SupportPlanOut, **error_responses(404, 400, 409, 422)},
    summary="Write or replace a case's education support plan",
    description="Send `version` 0 for the first plan, else the version you read; a stale version answers 409.",
)
def school_support_plan_put(request: HttpRequest, case_id: int, payload: SupportPlanIn) -> object:
    case = selectors.school_case_get(user=request.user, case_id=case_id, for_change=True)
    return services.support_plan_save(
        actor=request.user,
        case=case,
        version=payload.version,
        changes=payload.model_dump(exclude={"version"}),
    )


@created(
    router,
    "/cases/{case_id}/school/support-plan/contacts",
    EngagementOut,
    summary="Log a contact with the family on the support plan",
)
def school_family_engagement_add(
    request: HttpRequest, case_id: int, payload: EngagementIn
) -> FamilyEngagement:
    case = selectors.school_case_get(user=request.user, case_id=case_id, for_change=True)
    plan = selectors.support_plan_get(user=request.user, case=case)
    if plan is None:
        raise ValidationError(
            {"__all__": ["Write the education support plan first; contacts are logged on it."]}
        )
    return services.engagement_add(actor=request.user, plan=plan, **payload.model_dump())


@paged_get(
    router,
    "/cases/{case_id}/school/truancy-alerts",
    TruancyAlertOut,
    summary="List the truancy alerts raised for a case's students, newest first",
)
def school_truancy_alert_list(request: HttpRequest, case_id: int) -> QuerySet[TruancyAlert]:
    case = selectors.school_case_get(user=request.user, case_id=case_id)
    return selectors.alert_list(user=request.user, case=case)
