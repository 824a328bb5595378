"""Typed request and response bodies of the group-sessions API."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.group_sessions.selectors import session_has_note
from tapestry.people.schemas import LocalTime

SessionStatus = Literal[tuple(Session.Status.values)]
Mark = Literal[tuple(Attendance.Mark.values)]
OptionalTopic = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20000)]


class GroupSessionIn(Schema):
    held_on: date
    start_time: LocalTime
    topic: OptionalTopic = ""
    activities: Text = ""
    status: SessionStatus = "held"
    facilitator_ids: list[int] = Field(
        default_factory=list, description="Facilitators of the group who were there."
    )


class SessionPatch(Schema):
    version: int = Field(description="The version you read; a stale one gets 409.")
    held_on: date | None = None
    start_time: LocalTime | None = None
    topic: OptionalTopic | None = None
    activities: Text | None = None
    status: SessionStatus | None = None
    facilitator_ids: list[int] | None = None


# Read from a row of the attendance sheet (`selectors.SheetRow`).
class MarkOut(Schema):
    membership_id: int = Field(validation_alias="membership.pk")
    person_name: str = Field(validation_alias="membership.person.display_name")
    status: Mark | Literal[""] = Field(description="Empty when not taken yet.", validation_alias="mark")


class GroupSessionOut(Schema):
    id: int
    group_id: int
    held_on: date
    start_time: time
    topic: str
    activities: str
    status: SessionStatus
    facilitator_ids: list[int]
    version: int
    has_note: bool

    @staticmethod
    def resolve_facilitator_ids(obj: Session) -> list[int]:
        return sorted(user.pk for user in obj.facilitators.all())

    @staticmethod
    def resolve_has_note(obj: Session) -> bool:
        return session_has_note(obj)


class SessionDetailOut(GroupSessionOut):
    # The route reads the sheet through the policy (and audits it) and hangs it on the session.
    attendance: list[MarkOut] = Field(validation_alias="marks")


class MarkIn(Schema):
    membership_id: int
    status: Mark


class SessionAttendanceIn(Schema):
    version: int = Field(description="The session's version you read; a stale one gets 409.")
    attendance: list[MarkIn] = Field(description="One mark for every member enrolled on the session's date.")


class AbsenceFollowUpOut(Schema):
    membership_id: int
    missed: int
    task_id: int | None = Field(
        description="The caseworker's check-in task; empty when the member has no open case."
    )


class SessionAttendanceOut(Schema):
    session_id: int
    version: int
    attendance: list[MarkOut]
    follow_ups: list[AbsenceFollowUpOut]


class MentionIn(Schema):
    membership_id: int
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class SessionNoteIn(Schema):
    version: int = Field(0, description="0 to write the first note; otherwise the version you read.")
    dynamics: Text = ""
    themes: Text = ""
    progress: Text = ""
    mentions: list[MentionIn] = Field(default_factory=list)


class MentionOut(Schema):
    id: int
    membership_id: int
    person_name: str = Field(validation_alias="membership.person.display_name")
    text: str


class SessionNoteOut(Schema):
    session_id: int
    dynamics: str
    themes: str
    progress: str
    version: int
    updated_at: datetime
    mentions: list[MentionOut] = Field(
        description="Only the mentions of members you may see.", validation_alias="visible_mentions"
    )


class MemberRateOut(Schema):
    membership_id: int = Field(validation_alias="membership.pk")
    person_name: str = Field(validation_alias="membership.person.display_name")
    sessions: int
    present: int
    late: int
    excused: int
    absent: int
    attended: int
    rate: int | None = Field(
        description="Attended (present or late) as a percentage of sessions since enrolling."
    )


class SessionRateOut(Schema):
    session_id: int = Field(validation_alias="session.pk")
    held_on: date = Field(validation_alias="session.held_on")
    expected: int
    attended: int
    excused: int
    absent: int
    rate: int | None


class RatesOut(Schema):
    group_id: int = Field(validation_alias="group.pk")
    expected: int
    attended: int
    excused: int
    rate: int | None
    sessions: list[SessionRateOut]
    members: list[MemberRateOut]


class AttendanceSummaryOut(Schema):
    """A group's attendance as counts that identify no one: a suppressed count is null."""

    group_id: int
    sessions_held: int
    expected: int | None = Field(description="Places expected at held sessions; null when suppressed.")
    came: int | None = Field(description="Marked present or late; null when suppressed.")
    missed: int | None = Field(description="Marked absent; null when suppressed.")
    rate: int | None = Field(description="Per cent of expected places attended; null when suppressed.")
