"""Typed request and response bodies of the cohorts API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.cohorts.models import Cohort, CohortAction
from tapestry.micro.referrals.models import Referral
from tapestry.web.schemas import Input, StaffRef

Situation = Literal[tuple(Cohort.Situation.values)]
CohortStatus = Literal[tuple(Cohort.Status.values)]
ActionKind = Literal[tuple(CohortAction.Kind.values)]
Urgency = Literal[tuple(Referral.Urgency.values)]
Part = Literal[tuple(name for name, _ in Referral.PARTS)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]


class CohortProgramRef(Schema):
    id: int
    name: str


class CohortIn(Input):
    name: Name
    situation: Situation
    description: str = Field("", max_length=4000)
    program_id: int | None = Field(None, description="A program the cohort belongs to (GET /programs).")
    lead_id: int | None = Field(None, description="The lead worker; you, unless another worker is named.")


class CohortPatch(Input):
    version: int = Field(description="The version you read; a stale one is refused with 409.")
    name: Name | None = None
    situation: Situation | None = None
    description: str | None = Field(None, max_length=4000)
    program_id: int | None = None
    lead_id: int | None = None
    status: CohortStatus | None = None


class CohortOut(Schema):
    id: int
    name: str
    situation: str
    description: str
    program: CohortProgramRef | None
    lead: StaffRef
    status: str
    version: int
    members_seen: int = Field(0, description="Current members you may see; others are not counted.")


class CohortMemberOut(Schema):
    id: int
    case_id: int
    case_number: str = Field(validation_alias="case.number")
    person_id: int = Field(validation_alias="case.person_id")
    person_name: str = Field(validation_alias="case.person.display_name")
    worker: StaffRef = Field(validation_alias="case.worker")
    added_on: date
    removed_on: date | None


class CohortDetailOut(CohortOut):
    members: list[CohortMemberOut] = Field(
        description="The current members you may see.", validation_alias="visible_members"
    )


class CohortMemberIn(Input):
    case_id: int


class CohortActionIn(Input):
    """One bulk action; which fields it needs depends on `kind`."""

    kind: ActionKind = Field(description="goal, task, note or referral.")
    member_ids: list[int] | None = Field(
        None, description="Members to act on; all the current members you may see when left out."
    )
    # goal
    description: str | None = Field(None, max_length=255, description="goal: what will change.")
    measure: str | None = Field(None, max_length=255, description="goal: how progress is measured.")
    target: str | None = Field(None, max_length=120, description="goal: the value that means it is met.")
    target_date: date | None = Field(None, description="goal: by when.")
    need_code: str | None = Field(None, description="goal: a need code (GET /needs) linked where recorded.")
    # task
    title: str | None = Field(None, max_length=200, description="task: what to do; note: its subject.")
    details: str = Field("", max_length=4000, description="task: details.")
    due_on: date | None = Field(None, description="task: due date.")
    owner_id: int | None = Field(None, description="task: one owner; each case's worker when left out.")
    # note
    text: str | None = Field(None, max_length=20000, description="note: the contact note's text.")
    contact_date: date | None = Field(None, description="note: date of contact, today when left out.")
    duration_minutes: int | None = Field(None, ge=1, le=1440, description="note: minutes.")
    # referral
    service_id: int | None = Field(None, description="referral: the directory service.")
    reason: str | None = Field(None, max_length=2000, description="referral: what you ask the service.")
    urgency: Urgency = "routine"
    parts: list[Part] = Field(["identity"], description="referral: parts of the record that go with it.")


class CohortMemberResultOut(Schema):
    # Read from a services.MemberResult: the member it speaks of, and the record written if any.
    member_id: int = Field(validation_alias="member.pk")
    case_id: int = Field(validation_alias="member.case_id")
    person_name: str = Field(validation_alias="member.case.person.display_name")
    outcome: Literal["done", "skipped"]
    reason: str
    record_id: int | None

    resolve_record_id = staticmethod(lambda result: result.record.pk if result.record is not None else None)


class CohortActionOut(Schema):
    id: int
    kind: str
    at: datetime
    params: dict[str, Any]
    done: int
    skipped: int
    results: list[CohortMemberResultOut]


class CohortLatestScoreOut(Schema):
    name: str
    score: int
    band: str
    on: date


class CohortProgressRowOut(Schema):
    member_id: int = Field(validation_alias="pk")
    case_id: int
    case_number: str = Field(validation_alias="case.number")
    person_name: str = Field(validation_alias="case.person.display_name")
    goals_active: int
    goals_met: int
    tasks_open: int
    tasks_overdue: int
    last_note_on: date | None
    referral_status: str | None
    latest_score: CohortLatestScoreOut | None
