"""Typed request and response bodies of the groups API (groups and their members)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.access.models import Segment
from tapestry.mezzo.groups.availability import group_availability
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.schedule import next_session_on, schedule_in_words
from tapestry.people.schemas import LocalTime
from tapestry.web.schemas import Input, label_of, person_ref, staff_ref

GroupKind = Literal[tuple(Group.Kind.values)]
GroupEnrolment = Literal[tuple(Group.Enrolment.values)]
GroupFrequency = Literal[tuple(Group.Frequency.values)]
GroupStatus = Literal[tuple(Group.Status.values)]
GroupSegment = Literal[("", *Segment.values)]
MemberStatus = Literal[tuple(Membership.Status.values)]
ExitReason = Literal[tuple(Membership.ExitReason.values)]

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
PersonName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Purpose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Text40 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)]
Text200 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Text254 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]
Text255 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]
NeedCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class GroupRef(Schema):
    id: int
    name: str


class GroupNeedRef(Schema):
    code: str
    label: str


# Groups -------------------------------------------------------------------------------------


class GroupFacts(Input):
    purpose: Purpose
    program_id: int | None = None
    location: Text200 = ""
    area_id: int | None = Field(None, description="The area it meets in, from GET /api/v1/places/areas.")
    capacity: int = Field(ge=1, le=500, description="Places; when taken, new members go on the waiting list.")
    enrolment: GroupEnrolment = "open"
    eligibility: Text = ""
    segment: GroupSegment = Field("", description="A recovery group under 42 CFR Part 2: substance_use.")
    first_session_on: date
    start_time: LocalTime
    duration_minutes: int = Field(90, ge=10, le=600)
    frequency: GroupFrequency = "weekly"
    session_count: int | None = Field(None, ge=1, le=520)
    ends_on: date | None = None
    missed_sessions_alert: int = Field(3, ge=1, le=20)
    status: GroupStatus = "planned"


class GroupIn(GroupFacts):
    name: Name
    kind: GroupKind
    facilitator_ids: list[int] = Field(
        min_length=1, description="Staff who run the group; their role must include running groups."
    )
    focus_needs: list[NeedCode] = Field(
        default_factory=list, description="Need codes, see GET /api/v1/needs."
    )


class GroupPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    name: Name | None = None
    kind: GroupKind | None = None
    purpose: Purpose | None = None
    program_id: int | None = None
    location: Text200 | None = None
    area_id: int | None = None
    capacity: int | None = Field(None, ge=1, le=500)
    enrolment: GroupEnrolment | None = None
    eligibility: Text | None = None
    segment: GroupSegment | None = None
    first_session_on: date | None = None
    start_time: LocalTime | None = None
    duration_minutes: int | None = Field(None, ge=10, le=600)
    frequency: GroupFrequency | None = None
    session_count: int | None = Field(None, ge=1, le=520)
    ends_on: date | None = None
    missed_sessions_alert: int | None = Field(None, ge=1, le=20)
    status: GroupStatus | None = None
    facilitator_ids: list[int] | None = Field(None, min_length=1)
    focus_needs: list[NeedCode] | None = None


class GroupOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = label_of("kind")
    purpose: str
    focus_needs: list[GroupNeedRef]
    program: GroupRef | None
    facilitators: list[GroupRef]
    location: str
    area: GroupRef | None = Field(description="The area it meets in.")
    capacity: int | None = Field(description="Places; null unless the caller runs the group.")
    seats_left: int | None = Field(description="Places free; null unless the caller runs the group.")
    availability: Literal["places_available", "nearly_full", "full", "full_waiting_list"] = Field(
        description="How full the group is, in a band with no number: shown to everyone. Those who do "
        "not run the group get this instead of `capacity` and `seats_left`, whose difference would be "
        "the number of members."
    )
    waiting_list: bool = Field(description="Whether anyone is waiting for a place.")
    enrolment: str
    eligibility: str
    segment: str
    first_session_on: date
    start_time: time
    duration_minutes: int
    frequency: str
    session_count: int | None
    ends_on: date | None
    schedule: str = Field(description="The schedule in words.")
    next_session_on: date | None
    missed_sessions_alert: int
    status: str
    version: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_facilitators(obj: Group) -> list[dict]:
        return [staff_ref(user) for user in obj.facilitators.all()]

    @staticmethod
    def resolve_capacity(obj: Any) -> int | None:
        return group_availability(obj).capacity

    @staticmethod
    def resolve_seats_left(obj: Any) -> int | None:
        return group_availability(obj).seats_left

    @staticmethod
    def resolve_availability(obj: Any) -> str:
        return group_availability(obj).band.value

    @staticmethod
    def resolve_waiting_list(obj: Any) -> bool:
        return obj.waiting_count > 0

    @staticmethod
    def resolve_schedule(obj: Group) -> str:
        return schedule_in_words(obj)

    @staticmethod
    def resolve_next_session_on(obj: Group) -> date | None:
        return next_session_on(obj, today=timezone.localdate())


# Members ------------------------------------------------------------------------------------


class GroupMemberIn(Input):
    case_id: int | None = Field(
        None, description="Enrol a client from their case (you must be able to change the case)."
    )
    given_name: PersonName | None = Field(
        None, description="Or register a community member who is not a client."
    )
    family_name: PersonName | None = None
    phone: Text40 = ""
    email: Text254 = ""
    date_of_birth: date | None = None
    wait_list: bool = Field(
        True,
        description="When the group is full: true puts the person on the waiting list, false refuses (409).",
    )
    joined_on: date | None = Field(
        None, description="The day the person joined, if not today (never in the future)."
    )


class ExitIn(Input):
    reason: ExitReason
    note: Text255 = ""
    version: int = Field(ge=1, description="The membership's version you read.")


class GroupMemberOut(Schema):
    id: int
    group_id: int
    person: GroupRef
    case_id: int | None
    community_member: bool
    status: str
    waiting_position: int | None
    requested_at: datetime
    enrolled_on: date | None
    exited_on: date | None
    exit_reason: str
    exit_note: str
    version: int

    @staticmethod
    def resolve_person(obj: Membership) -> dict:
        return person_ref(obj.person)

    @staticmethod
    def resolve_community_member(obj: Membership) -> bool:
        return obj.case_id is None
