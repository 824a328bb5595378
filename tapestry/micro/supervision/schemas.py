"""API schemas of supervision: workload rows, supervision sessions, duplicate pairs and dismissals."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

from tapestry.web.schemas import Input, PersonRef, StaffRef, stripped_text


class WorkerLoadOut(Schema):
    worker: StaffRef
    open_cases: int = Field(description="Open cases the worker holds.")
    overdue_tasks: int = Field(description="Open tasks the worker owns past their due date.")
    overdue_reviews: int = Field(description="Care-plan reviews of the worker's open cases past their date.")
    unsigned_drafts: int = Field(description="Progress notes the worker wrote and has not signed.")
    last_supervision: date | None = Field(description="The latest supervision session held.")
    supervision_due_on: date | None = Field(
        description="When the next supervision is due; null if none recorded."
    )
    supervision_overdue: bool = Field(description="True when supervision is past due or was never recorded.")


class SupervisionSessionIn(Input):
    worker_id: int = Field(description="A worker you supervise.")
    held_on: date | None = Field(None, description="When the session was held; today when left out.")
    next_due_on: date = Field(description="When the next session is due; after `held_on`.")


class SupervisionSessionOut(Schema):
    id: int
    worker: StaffRef
    supervisor: StaffRef
    held_on: date
    next_due_on: date


class DuplicatePairOut(Schema):
    first: PersonRef
    second: PersonRef
    score: float = Field(description="How alike the two records are, 0 to 100.")
    reasons: list[str]


class DuplicateDismissalIn(Input):
    first_id: int
    second_id: int
    reason: stripped_text(300, required=True) = Field(description="Why these are two different people.")


class DuplicateDismissalOut(Schema):
    id: int
    first_id: int
    second_id: int
    reason: str
