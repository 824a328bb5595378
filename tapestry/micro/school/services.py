"""Every write to school records: enrolments, attendance, incidents, support plans, alert follow-ups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_plan_save, require_case_write
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
    TruancyAlert,
)
from tapestry.micro.school.truancy import is_school_day, truancy_check
from tapestry.people.models import Organisation, Person
from tapestry.web.records import create_record, update_record

PLAN_FIELDS = ("goals", "accommodations", "services", "review_on")


def _require_school_write(actor: User, case: Case, refusal: str) -> None:
    # One refusal whether the case is out of reach or the school grant is missing.
    require_case_write(
        actor, case, segment=Segment.SCHOOL, open=False, refusal=refusal, segment_refusal=refusal
    )


def _require_school_case(actor: User, case: Case) -> None:
    """The actor may change this case and holds the school grant; the case is open school work."""
    _require_school_write(
        actor,
        case,
        "You may not add school records to this case: it is outside your caseload, "
        "or you are not granted school records (FERPA).",
    )
    if case.case_type != Case.Type.SCHOOL:
        raise ValidationError({"case": [gettext("School records go on a school social work case.")]})
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            {"case": [gettext("This case is closed; school records cannot be added to it.")]}
        )


def _require_school_record_change(actor: User, case: Case) -> None:
    """May change this case's school records, even after the case closed (a former student's refusal
    of directory disclosure must still be recordable, 34 CFR 99.37(b))."""
    _require_school_write(
        actor,
        case,
        "You may not change this student's school record: it is outside your caseload, "
        "or you are not granted school records (FERPA).",
    )


def student_enrol(
    *,
    actor: User,
    case: Case,
    school: Organisation,
    grade: str,
    student_number: str = "",
    enrolled_on: dt.date | None = None,
    left_on: dt.date | None = None,
    person: Person | None = None,
    directory_opt_out: bool = False,
    directory_opt_out_on: dt.date | None = None,
) -> Student:
    """Record that the case's person (or a child in the case's household) attends a school."""
    _require_school_case(actor, case)
    person = person or case.person
    if person.pk != case.person_id and not (
        case.household_id and case.household.memberships.filter(person=person).exists()
    ):
        raise ValidationError(
            {"person": [gettext("Enrol the person the case is about, or a member of its household.")]}
        )
    if school.kind != Organisation.Kind.SCHOOL:
        raise ValidationError(
            {"school": [gettext("%(school)s is not recorded as a school.") % {"school": school}]}
        )
    if Student.objects.filter(case=case, person=person, school=school, left_on__isnull=True).exists():
        raise ValidationError(
            {
                "school": [
                    gettext("%(person)s is already enrolled at %(school)s on this case.")
                    % {"person": person, "school": school}
                ]
            }
        )
    student = Student(
        case=case,
        person=person,
        school=school,
        grade=grade.strip(),
        student_number=student_number.strip(),
        enrolled_on=enrolled_on or timezone.localdate(),
        left_on=left_on,
        directory_opt_out=directory_opt_out,
        directory_opt_out_on=(directory_opt_out_on or timezone.localdate()) if directory_opt_out else None,
        created_by=actor,
    )
    return create_record(
        actor,
        student,
        validate_constraints=False,
        person_id=case.person_id,
        exclude=["case", "person", "school", "created_by"],
        fields=["school", "grade", "student_number", "enrolled_on", "left_on", "directory_opt_out"],
    )


def student_directory_opt_out(
    *, actor: User, student: Student, opt_out: bool, on: dt.date | None = None
) -> Student:
    """Record (or withdraw) the parent's or eligible student's refusal of directory disclosure
    (34 CFR 99.37(a)(2)); it holds on an ended enrolment too (99.37(b))."""
    _require_school_record_change(actor, student.case)
    student.directory_opt_out = opt_out
    student.directory_opt_out_on = (on or timezone.localdate()) if opt_out else None
    student.full_clean(exclude=["case", "person", "school", "created_by"], validate_constraints=False)
    return update_record(
        actor,
        student,
        columns=["directory_opt_out", "directory_opt_out_on"],
        person_id=student.case.person_id,
    )


@dataclass(frozen=True)
class AttendanceDay:
    date: dt.date
    status: str
    note: str = ""


@dataclass(frozen=True)
class AttendanceSaved:
    records: list[AttendanceRecord]
    alerts: list[TruancyAlert]


def attendance_record(*, actor: User, student: Student, days: list[AttendanceDay]) -> AttendanceSaved:
    """Record (or correct) a student's attendance for several days at once, then check truancy.

    Errors are keyed `days.<n>` by the position of the day in `days`, and nothing is saved if
    any day is wrong.
    """
    _require_school_case(actor, student.case)
    if not days:
        raise ValidationError({"days": [gettext("Give at least one day.")]})
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    seen: set[dt.date] = set()
    for index, day in enumerate(days):
        problem = ""
        if day.status not in AttendanceRecord.Status.values:
            problem = gettext("“%(status)s” is not an attendance status.") % {"status": day.status}
        elif day.date > today:
            problem = gettext("%(day)s is in the future.") % {"day": f"{day.date:%Y-%m-%d}"}
        elif not is_school_day(day.date):
            problem = gettext("%(day)s is a %(weekday)s, not a school day.") % {
                "day": f"{day.date:%Y-%m-%d}",
                "weekday": date_format(day.date, "l"),
            }
        elif not student.enrolled_during(day.date):
            problem = gettext("%(person)s was not enrolled at %(school)s on %(day)s.") % {
                "person": student.person,
                "school": student.school,
                "day": f"{day.date:%Y-%m-%d}",
            }
        elif day.date in seen:
            problem = gettext("%(day)s is given twice.") % {"day": f"{day.date:%Y-%m-%d}"}
        elif len(day.note) > 255:
            problem = gettext("Keep the note under 255 characters.")
        seen.add(day.date)
        if problem:
            errors[f"days.{index}"] = [problem]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        existing = {record.date: record for record in student.attendance.filter(date__in=seen)}
        saved = []
        for day in days:
            record = existing.get(day.date) or AttendanceRecord(student=student, date=day.date)
            if record.pk and (record.status, record.note) == (day.status, day.note):
                saved.append(record)
                continue
            record.status, record.note, record.recorded_by = day.status, day.note, actor
            record.save()
            saved.append(record)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE if existing else AuditEntry.Action.CREATE,
            object_type="school.attendancerecord",
            object_id=student.pk,
            person_id=student.case.person_id,
            fields=["date", "status", "note"],
        )
        alerts = truancy_check(actor=actor, students=[student])
    return AttendanceSaved(records=sorted(saved, key=lambda record: record.date), alerts=alerts)


def incident_record(
    *,
    actor: User,
    case: Case,
    student: Student,
    kind: str,
    description: str,
    occurred_on: dt.date | None = None,
    action_taken: str = "",
    parents_notified: bool = False,
) -> BehaviourIncident:
    _require_school_case(actor, case)
    if student.case_id != case.pk:
        raise ValidationError({"student": [gettext("Choose a student enrolled on this case.")]})
    incident = BehaviourIncident(
        case=case,
        student=student,
        kind=kind,
        description=description.strip(),
        occurred_on=occurred_on or timezone.localdate(),
        action_taken=action_taken.strip(),
        parents_notified=parents_notified,
        recorded_by=actor,
    )
    return create_record(
        actor,
        incident,
        validate_constraints=False,
        person_id=case.person_id,
        exclude=["case", "student", "recorded_by"],
        fields=["kind", "occurred_on", "description", "action_taken", "parents_notified"],
    )


def support_plan_save(
    *, actor: User, case: Case, version: int, changes: dict[str, object]
) -> EducationSupportPlan:
    """Write the case's support plan: version 0 creates it, otherwise the version read must be current."""
    _require_school_case(actor, case)
    return case_plan_save(
        actor=actor,
        model=EducationSupportPlan,
        case=case,
        version=version,
        changes=changes,
        editable=PLAN_FIELDS,
    )


def engagement_add(
    *,
    actor: User,
    plan: EducationSupportPlan,
    contact_with: str,
    method: str,
    summary: str,
    occurred_on: dt.date | None = None,
) -> FamilyEngagement:
    _require_school_case(actor, plan.case)
    entry = FamilyEngagement(
        plan=plan,
        contact_with=contact_with.strip(),
        method=method,
        summary=summary.strip(),
        occurred_on=occurred_on or timezone.localdate(),
        recorded_by=actor,
    )
    return create_record(
        actor,
        entry,
        validate_constraints=False,
        person_id=plan.case.person_id,
        exclude=["plan", "recorded_by"],
        fields=["occurred_on", "contact_with", "method", "summary"],
    )


def truancy_alert_follow_up(*, actor: User, alert: TruancyAlert, note: str) -> TruancyAlert:
    """Record what was done about an alert; it then leaves the caseload's risk flags."""
    case = alert.student.case
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.visible(actor, TruancyAlert.objects.filter(pk=alert.pk), for_change=True).exists():
        raise PermissionDenied(gettext("You may not follow up this alert."))
    if not alert.is_open:
        raise ValidationError({"note": [gettext("This alert was already followed up.")]})
    if not note.strip():
        raise ValidationError({"note": [gettext("Say what was done: a call home, a meeting, a referral.")]})
    alert.followed_up_on = timezone.localdate()
    alert.followed_up_by = actor
    alert.follow_up_note = note.strip()
    return update_record(
        actor,
        alert,
        columns=["followed_up_on", "followed_up_by", "follow_up_note"],
        fields=["followed_up_on", "follow_up_note"],
        person_id=case.person_id,
    )
