"""Typed request and response bodies of the casework API: plans, goals, tasks, reviews, notes, services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from tapestry.micro.casework.models import Goal, ProgressNote, ServiceRecord, Task
from tapestry.people.mentions import ref_or_none
from tapestry.web.schemas import Input, PersonRef, StaffRef, label_of, stripped_text

# Literals rather than TextChoices: several models have a "Status" and they would collide as components.
GoalStatus = Literal[tuple(Goal.Status.values)]
TaskStatus = Literal[tuple(Task.Status.values)]
NoteFormat = Literal[tuple(ProgressNote.Format.values)]
NoteSegment = Literal["", "psychotherapy"]
ContactType = Literal[("", *ProgressNote.ContactType.values)]
ServiceType = Literal[tuple(ServiceRecord.Type.values)]
Modality = Literal[tuple(ServiceRecord.Modality.values)]


RequiredText = stripped_text(required=True)
RequiredText120 = stripped_text(120, required=True)
RequiredText200 = stripped_text(200, required=True)
RequiredText255 = stripped_text(255, required=True)
Text120 = stripped_text(120)
Text200 = stripped_text(200)
Text255 = stripped_text(255)
Rating = Annotated[int, Field(ge=1, le=5, description="1 (no progress) to 5 (met).")]
Minutes = Annotated[int, Field(ge=1, le=1440, description="Minutes, at most a day.")]


def _once(ids: list[int]) -> list[int]:
    if len(ids) != len(set(ids)):
        raise PydanticCustomError("repeated", "List each one only once.")
    return ids


Ids = Annotated[list[int], AfterValidator(_once)]


# Care plans ---------------------------------------------------------------------------------


class PlanIn(Input):
    summary: RequiredText = Field(description="What the client and worker are working towards.")
    next_review_on: date | None = None
    reason: Text255 = Field("", description="Why the plan changes; required when revising.")
    version: int | None = Field(None, ge=1, description="The version you read; required when revising.")


class GoalNeedOut(Schema):
    id: int = Field(description="The case need's id.")
    code: str = Field(validation_alias="need.code")
    label: str = Field(validation_alias="need.label")
    icd10: str = Field(validation_alias="need.icd10")
    status: str


class CaseGoalIn(Input):
    description: RequiredText255
    measure: RequiredText255 = Field(description="How progress is measured.")
    target: RequiredText120 = Field(description="The value that means the goal is met.")
    target_date: date
    need_ids: Ids = Field(default_factory=list, description="Ids of needs recorded on this case.")
    reason: Text255 = Field("", description="Kept with the plan's history; a default is written if empty.")


class CaseGoalPatch(Input):
    """Send `version`, `reason` and only the fields you change."""

    version: int = Field(ge=1)
    reason: RequiredText255 = Field(description="Why the goal changes; kept with the plan's history.")
    description: RequiredText255 = None
    measure: RequiredText255 = None
    target: RequiredText120 = None
    target_date: date = None
    status: GoalStatus = None
    need_ids: Ids | None = None


class CaseGoalOut(Schema):
    id: int
    description: str
    measure: str
    target: str
    target_date: date
    status: str
    status_label: str = label_of("status")
    needs: list[GoalNeedOut]
    version: int


class TaskIn(Input):
    title: RequiredText200
    details: str = ""
    owner_id: int | None = Field(None, description="Staff member who does it; you, if absent.")
    due_on: date
    goal_id: int | None = Field(None, description="A goal of this case's plan.")


class TaskPatch(Input):
    """Send `version` and only the fields you change; `goal_id: null` unlinks the goal."""

    version: int = Field(ge=1)
    title: RequiredText200 = None
    details: str = None
    owner_id: int = None
    due_on: date = None
    goal_id: int | None = None
    status: TaskStatus = None


class TaskOut(Schema):
    id: int
    case_id: int
    goal_id: int | None
    title: str
    details: str
    owner: StaffRef
    due_on: date
    status: str
    completed_at: datetime | None
    overdue: bool = Field(validation_alias="is_overdue")
    version: int


class GoalRatingIn(Input):
    goal_id: int
    rating: Rating
    comment: Text255 = ""


class ReviewIn(Input):
    reviewed_on: date | None = Field(None, description="Today, if absent.")
    overall_rating: Rating | None = None
    narrative: RequiredText
    next_review_on: date | None = Field(None, description="Becomes the plan's next review date.")
    goal_ratings: list[GoalRatingIn] = Field(default_factory=list)


class GoalRatingOut(Schema):
    goal_id: int
    rating: int
    comment: str


class ReviewOut(Schema):
    id: int
    reviewed_on: date
    overall_rating: int | None
    narrative: str
    next_review_on: date | None
    reviewed_by: StaffRef | None
    goal_ratings: list[GoalRatingOut]


class RevisionOut(Schema):
    number: int
    changed_at: datetime
    changed_by: StaffRef | None
    reason: str


class PlanOut(Schema):
    id: int
    case_id: int
    summary: str
    started_on: date
    next_review_on: date | None
    version: int
    goals: list[CaseGoalOut]
    tasks: list[TaskOut] = Field(description="Every task on the case, open ones first.")
    reviews: list[ReviewOut] = Field(description="Newest first.")
    revisions: list[RevisionOut] = Field(description="The plan's history, newest first.")

    @staticmethod
    def resolve_tasks(obj: Any) -> Any:
        return getattr(obj, "case_tasks", [])


# Notes --------------------------------------------------------------------------------------


class NoteSections(Input):
    data: str = Field("", description="DAP: what was observed and said.")
    subjective: str = Field("", description="SOAP: what the client reports.")
    objective: str = Field("", description="SOAP: what the worker observed or measured.")
    assessment: str = Field("", description="DAP and SOAP: the worker's understanding.")
    plan: str = Field("", description="DAP and SOAP: what happens next.")
    text: str = Field("", description="Contact note: free text.")


class CaseNoteIn(NoteSections):
    format: NoteFormat = Field(description="dap, soap or contact; fill only that format's sections.")
    title: Text120 = ""
    contact_date: date | None = Field(None, description="Today, if absent.")
    duration_minutes: Minutes | None = None
    segment: NoteSegment = Field("", description="'psychotherapy' keeps the note apart; it needs a grant.")
    present_ids: Ids = Field(
        default_factory=list, description="Family session: ids of household members present."
    )
    contact_type: ContactType = Field(
        "", description="office, home_visit, phone, video or other; empty when not recorded."
    )
    location: Text200 = Field("", description="Where the contact took place; no street addresses.")
    others_present: Text255 = Field("", description="Anyone else present, by role (free text).")
    goal_ids: Ids = Field(
        default_factory=list, description="Goals of the case's care plan this contact worked on."
    )


class NotePatch(Input):
    """A draft only. Send `version` and only what you change."""

    version: int = Field(ge=1)
    title: Text120 = None
    contact_date: date = None
    duration_minutes: Minutes | None = None
    segment: NoteSegment = None
    data: str = None
    subjective: str = None
    objective: str = None
    assessment: str = None
    plan: str = None
    text: str = None
    present_ids: Ids = None
    contact_type: ContactType = None
    location: Text200 = None
    others_present: Text255 = None
    goal_ids: Ids = None


class SignIn(Input):
    version: int = Field(ge=1, description="The version you read: you sign what you saw.")
    attested: bool = Field(
        description=f"Must be true: '{ProgressNote.ATTESTATION}' The words are stored with the signature."
    )


class NoteGoalOut(Schema):
    id: int
    description: str
    status: str


class AddendumIn(Input):
    text: RequiredText


class AddendumOut(Schema):
    id: int
    note_id: int
    text: str
    author: StaffRef
    created_at: datetime


class NoteListItemOut(Schema):
    id: int
    case_id: int
    format: str
    title: str
    display_title: str
    contact_date: date
    duration_minutes: int | None
    segment: str
    status: str
    author: StaffRef
    signed_at: datetime | None
    contact_type: str
    present_count: int
    addenda_count: int


class NoteDraftOut(Schema):
    """An unsigned draft of the caller's, for a worklist: where it is, not what it says."""

    id: int
    case_id: int
    case_number: str
    person_name: str
    format: str
    display_title: str
    contact_date: date
    version: int
    updated_at: datetime

    @staticmethod
    def resolve_case_number(obj: Any) -> str:
        return obj.case.number

    @staticmethod
    def resolve_person_name(obj: Any) -> str:
        return obj.case.person.display_name


class CaseNoteOut(Schema):
    id: int
    case_id: int
    format: str
    format_label: str = label_of("format")
    title: str
    display_title: str
    contact_date: date
    duration_minutes: int | None
    contact_type: str
    contact_type_label: str = label_of("contact_type")
    location: str
    others_present: str
    goals: list[NoteGoalOut]
    segment: str
    data: str
    subjective: str
    objective: str
    assessment: str
    plan: str
    text: str
    present: list[PersonRef | None] = Field(
        description="Household members present at a family session; null for one outside the caller's reach."
    )
    status: str
    author: StaffRef
    signed_by: StaffRef | None
    signed_at: datetime | None
    attestation: str = Field(
        description="The words the signer attested, stored with the signature; empty on a draft."
    )
    addenda: list[AddendumOut]
    version: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_goals(obj: Any) -> Any:
        return list(obj.goals.all())

    @staticmethod
    def resolve_present(obj: Any) -> Any:
        return [ref_or_none(person, getattr(person, "nameable", False)) for person in obj.present.all()]


# Services delivered -------------------------------------------------------------------------


class ServiceIn(Input):
    delivered_on: date | None = Field(None, description="Today, if absent.")
    service_type: ServiceType
    minutes: Minutes
    modality: Modality
    staff_id: int | None = Field(None, description="Who delivered it; you, if absent.")
    note_id: int | None = Field(None, description="A note on this case that records it.")
    description: Text255 = ""


class ServiceOut(Schema):
    id: int
    case_id: int
    delivered_on: date
    service_type: str
    service_type_label: str = label_of("service_type")
    minutes: int
    modality: str
    modality_label: str = label_of("modality")
    staff: StaffRef
    note_id: int | None = Field(description="Null also when the note is one you may not open.")
    description: str

    @staticmethod
    def resolve_note_id(obj: Any) -> int | None:
        return obj.note_id if getattr(obj, "note_visible", True) else None


class ServiceTotalOut(Schema):
    service_type: str
    label: str
    count: int
    minutes: int


class ServicesOut(Schema):
    items: list[ServiceOut]
    count: int
    total_minutes: int
    totals: list[ServiceTotalOut] = Field(description="Minutes and counts by type of service, largest first.")
