"""Typed request and response bodies of the cases API (cases and the needs on them)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import CASE_SORT_KEYS
from tapestry.web.schemas import Input, StaffName, label_of, person_ref, staff_ref

CaseType = Literal[tuple(Case.Type.values)]
CaseStatus = Literal[tuple(Case.Status.values)]
ClosingReason = Literal[tuple(Case.ClosingReason.values)]
NeedStatus = Literal[tuple(CaseNeed.Status.values)]
CaseSort = Literal[tuple(CASE_SORT_KEYS)]
CaseSegment = Literal[("", *(segment.value for segment in Case.CASE_SEGMENTS))]

Problem = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Text200 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Text255 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class CaseRef(Schema):
    id: int
    name: str


def _named_ref(obj: Any) -> dict | None:
    return {"id": obj.pk, "name": obj.name} if obj is not None else None


# Cases --------------------------------------------------------------------------------------


class CaseIn(Input):
    person_id: int
    case_type: CaseType
    presenting_problem: Problem
    referral_source: Text200 = ""
    worker_id: int | None = Field(None, description="The worker who holds the case; you, if left out.")
    program_id: int | None = None
    household_id: int | None = Field(None, description="For family work: a household the person lives in.")
    segment: CaseSegment | None = Field(
        None,
        description=(
            "Left out: set by the case type (child_welfare, school and substance_use cases go in their own "
            "segment). You must be granted a segment to open a case in it."
        ),
    )


class CasePatch(Input):
    """Send `version` (from the case you read) and only what you change."""

    version: int = Field(ge=1)
    case_type: CaseType = None
    presenting_problem: Problem = None
    referral_source: Text200 = None
    worker_id: int = None
    program_id: int | None = Field(None, description="null takes the case out of its program.")
    household_id: int | None = Field(None, description="null: not family work.")
    status: Literal["open", "on_hold"] = Field(
        None,
        description="on_hold puts an open case on hold; open takes it off hold or reopens a closed case.",
    )
    hold_reason: Text255 = Field("", description="Why the case is put on hold.")


class CaseCloseIn(Input):
    version: int = Field(ge=1)
    reason: ClosingReason
    note: str = ""


class CaseOut(Schema):
    id: int
    number: str
    person: CaseRef
    case_type: str
    case_type_label: str = label_of("case_type")
    segment: str = Field(description="Empty for the general record.")
    status: str
    presenting_problem: str
    referral_source: str
    worker: CaseRef
    program: CaseRef | None
    household: CaseRef | None
    opened_on: date
    on_hold_since: date | None
    hold_reason: str
    closed_on: date | None
    closing_reason: str
    closing_note: str
    version: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_person(obj: Case) -> dict:
        return person_ref(obj.person)

    @staticmethod
    def resolve_worker(obj: Case) -> dict:
        return staff_ref(obj.worker)

    @staticmethod
    def resolve_program(obj: Case) -> dict | None:
        return _named_ref(obj.program)

    @staticmethod
    def resolve_household(obj: Case) -> dict | None:
        return _named_ref(obj.household)


# Needs on a case ----------------------------------------------------------------------------


class CaseNeedRef(Schema):
    code: str
    label: str
    domain: str
    icd10: str


class BarrierRef(Schema):
    code: str
    label: str


class CaseNeedChangeOut(Schema):
    status: str
    barrier: BarrierRef | None
    note: str
    changed_by: StaffName
    changed_at: datetime


class CaseNeedOut(Schema):
    id: int
    need: CaseNeedRef
    status: str
    barrier: BarrierRef | None
    note: str
    identified_on: date
    version: int
    history: list[CaseNeedChangeOut] = Field(
        description="Every status the need has had, oldest first.", validation_alias="changes"
    )


class CaseDetailOut(CaseOut):
    needs: list[CaseNeedOut]


class CaseNeedIn(Input):
    need: Code = Field(description="The need's code, from GET /api/v1/needs.")
    note: Text255 = ""
    status: NeedStatus = "identified"
    barrier: Code | None = Field(
        None, description="Required when status is unmet: a code from GET /api/v1/barriers."
    )


class CaseNeedPatch(Input):
    version: int = Field(ge=1, description="The need's version as you read it.")
    status: NeedStatus
    barrier: Code | None = Field(None, description="Required when status is unmet.")
    note: Text255 = ""
