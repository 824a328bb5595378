"""Typed request and response bodies of the school API."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from tapestry.micro.school.models import AttendanceRecord, BehaviourIncident, FamilyEngagement
from tapestry.web.schemas import Input, label_of, stripped_text

AttendanceStatus = Literal[tuple(AttendanceRecord.Status.values)]
IncidentKind = Literal[tuple(BehaviourIncident.Kind.values)]
EngagementMethod = Literal[tuple(FamilyEngagement.Method.values)]

Grade = stripped_text(20, required=True)
Text40 = stripped_text(40)
Text120 = stripped_text(120, required=True)
Note = stripped_text(255)
RequiredText = stripped_text(20000, required=True)
Text = stripped_text(20000)


class StudentIn(Input):
    school_id: int = Field(description="An organisation of kind `school`.")
    grade: Grade
    student_number: Text40 = ""
    enrolled_on: dt.date | None = Field(None, description="Default: today.")
    left_on: dt.date | None = None
    person_id: int | None = Field(
        None, description="Default: the case's person. Otherwise a member of the case's household."
    )
    directory_opt_out: bool = Field(
        False, description="The parent or eligible student refused directory disclosure (34 CFR 99.37(a)(2))."
    )
    directory_opt_out_on: dt.date | None = Field(None, description="When the refusal came; default: today.")


class StudentDirectoryOptOutIn(Input):
    directory_opt_out: bool = Field(
        description="True records the refusal of directory disclosure (34 CFR 99.37(a)(2)); false withdraws it."
    )
    directory_opt_out_on: dt.date | None = Field(None, description="When the refusal came; default: today.")


class AttendanceCounts(Schema):
    present: int
    absent_excused: int
    absent_unexcused: int
    tardy: int


class StudentOut(Schema):
    id: int
    case_id: int
    person_id: int
    person_name: str = Field(validation_alias="person.display_name")
    school_id: int
    school_name: str = Field(validation_alias="school.name")
    grade: str
    student_number: str
    enrolled_on: dt.date
    left_on: dt.date | None
    directory_opt_out: bool = Field(
        description="The parent or eligible student refused directory disclosure; it holds after leaving."
    )
    directory_opt_out_on: dt.date | None
    attendance_in_window: AttendanceCounts = Field(
        description="Days per status in the truancy window (the last 30 school days)."
    )
    open_truancy_alerts: int

    @staticmethod
    def resolve_attendance_in_window(obj: Any) -> dict[str, int]:
        return {status: getattr(obj, f"count_{status}", 0) for status in AttendanceRecord.Status.values}

    @staticmethod
    def resolve_open_truancy_alerts(obj: Any) -> int:
        return len(getattr(obj, "open_alerts", []))


class AttendanceDayIn(Input):
    date: dt.date
    status: AttendanceStatus
    note: Note = ""


class SchoolAttendanceIn(Input):
    days: list[AttendanceDayIn] = Field(
        min_length=1, max_length=31, description="Days to record or correct; other days are left as they are."
    )


class SchoolAttendanceOut(Schema):
    date: dt.date
    status: str
    status_label: str = label_of("status")
    note: str


class TruancyAlertOut(Schema):
    id: int
    student_id: int
    period_start: dt.date
    period_end: dt.date = Field(description="The last unexcused absence this alert counts.")
    unexcused_absences: int
    threshold: int
    raised_on: dt.date
    followed_up_on: dt.date | None
    follow_up_note: str


class AttendanceSavedOut(Schema):
    days: list[SchoolAttendanceOut]
    truancy_alerts_raised: list[TruancyAlertOut]


class IncidentIn(Input):
    student_id: int = Field(description="An enrolment on this case.")
    kind: IncidentKind
    description: RequiredText
    occurred_on: dt.date | None = Field(None, description="Default: today.")
    action_taken: Text = ""
    parents_notified: bool = False


class IncidentOut(Schema):
    id: int
    student_id: int
    occurred_on: dt.date
    kind: str
    kind_label: str = label_of("kind")
    description: str
    action_taken: str
    parents_notified: bool


class SupportPlanIn(Input):
    """The whole plan. Send `version` 0 to write the first plan, else the version you read."""

    version: int = Field(ge=0)
    goals: RequiredText
    accommodations: Text = ""
    services: Text = ""
    review_on: dt.date


class EngagementIn(Input):
    contact_with: Text120
    method: EngagementMethod
    summary: RequiredText
    occurred_on: dt.date | None = Field(None, description="Default: today.")


class EngagementOut(Schema):
    id: int
    occurred_on: dt.date
    contact_with: str
    method: str
    summary: str


class SupportPlanOut(Schema):
    id: int
    case_id: int
    goals: str
    accommodations: str
    services: str
    review_on: dt.date
    version: int
    family_engagement: list[EngagementOut] = Field(validation_alias="engagements")
