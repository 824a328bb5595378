"""Bodies of the child-welfare safety routes."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Field, Schema

from tapestry.micro.child_welfare.schemas.values import (
    RequiredText,
    RequiredText255,
    SafetyDecision,
    Text,
    Text150,
    Threat,
)
from tapestry.micro.child_welfare.selectors import plan_of
from tapestry.web.schemas import Input, PersonRef, StaffRef, shown_if


class ChildWelfarePlanActionIn(Input):
    action: RequiredText255
    responsible_person_id: int | None = None
    responsible_name: Text150 = Field("", description="Someone not on record, e.g. 'Health visitor'.")
    when: Text150 = ""


class ChildWelfareSafetyAssessmentIn(Input):
    assessed_on: date | None = None
    report_id: int | None = None
    threats: list[Threat] = Field(default_factory=list)
    threats_note: Text = ""
    protective_capacities: RequiredText
    decision: SafetyDecision


class ChildWelfareSafetyPlanIn(Input):
    monitoring: RequiredText
    review_on: date
    actions: list[ChildWelfarePlanActionIn] = Field(min_length=1)


class ChildWelfareSafetyPlanPatch(Input):
    version: int = Field(ge=1)
    monitoring: RequiredText
    review_on: date


class ChildWelfarePlanActionOut(Schema):
    id: int
    action: str
    responsible_person: PersonRef | None = Field(
        description="Null when not on record, or outside the caller's reach."
    )
    responsible_name: str
    when: str

    resolve_responsible_person = shown_if("responsible_person", "responsible_person_nameable")


class ChildWelfareSafetyPlanOut(Schema):
    id: int
    monitoring: str
    review_on: date
    version: int
    actions: list[ChildWelfarePlanActionOut]


class ChildWelfareSafetyAssessmentOut(Schema):
    id: int
    case_id: int
    report_id: int | None
    assessed_on: date
    assessed_by: StaffRef
    threats: list[str]
    threats_note: str
    protective_capacities: str
    decision: str
    version: int
    plan: ChildWelfareSafetyPlanOut | None

    @staticmethod
    def resolve_plan(obj: Any) -> Any:
        return plan_of(obj)
