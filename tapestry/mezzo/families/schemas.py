"""Typed request and response bodies of the family-plan API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.families.models import FamilyGoal
from tapestry.micro.referrals.models import Referral
from tapestry.people.mentions import ref_or_none
from tapestry.web.schemas import Input, PersonRef, StaffName, label_of

# Literals rather than TextChoices: other apps' "Status" classes would collide as components.
FamilyGoalStatus = Literal[tuple(FamilyGoal.Status.values)]
FamilyReferralPart = Literal[tuple(name for name, _ in Referral.PARTS)]
FamilyReferralUrgency = Literal[tuple(Referral.Urgency.values)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Text255 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]
RequiredText255 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class FamilyPlanIn(Input):
    strengths: LongText = Field(description="What the family does well and can build on.")
    concerns: LongText
    next_review_on: date | None = None
    reason: Text255 = Field("", description="Why the plan changes, kept with its history.")
    version: int = Field(
        ge=0,
        description="0 to start the plan; otherwise the version you read (a stale one is refused with 409).",
    )


class FamilyGoalIn(Input):
    description: RequiredText255
    need: str | None = Field(None, description="A need code, from GET /api/v1/needs.")
    target_date: date
    member_ids: list[int] = Field(default_factory=list, description="Household members involved.")


class FamilyGoalPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    description: RequiredText255 | None = None
    need: str | None = Field(None, description="A need code; send null to clear it.")
    target_date: date | None = None
    status: FamilyGoalStatus | None = None
    status_note: Text255 | None = Field(None, description="Required when the goal is met or not met.")
    member_ids: list[int] | None = None


class FamilyReferralIn(Input):
    service_id: int = Field(description="A service of the resource directory.")
    reason: Reason = Field(description="What you ask the service to do for the family.")
    urgency: FamilyReferralUrgency = "routine"
    parts: list[FamilyReferralPart] = Field(
        default_factory=lambda: ["identity"], description="Parts of the person's record to send with it."
    )
    send: bool = Field(
        False,
        description=(
            "Send it at once. The consent check comes first; without a consent in force the answer is 400 "
            "with `errors.consent` and nothing is saved."
        ),
    )


class FamilyGoalReferralOut(Schema):
    id: int
    service: str = Field(validation_alias="service.name")
    organization: str = Field(validation_alias="service.organization.name")
    status: str
    status_label: str = label_of("status")
    created_at: datetime


class FamilyGoalOut(Schema):
    id: int
    description: str
    need: str | None
    target_date: date
    status: str
    status_label: str = label_of("status")
    status_note: str
    members: list[PersonRef | None] = Field(description="Null for a member outside the caller's reach.")
    referrals: list[FamilyGoalReferralOut]
    version: int

    @staticmethod
    def resolve_need(obj: FamilyGoal) -> str | None:
        return obj.need.code if obj.need_id else None

    @staticmethod
    def resolve_members(obj: FamilyGoal) -> list:
        return [ref_or_none(member, getattr(member, "nameable", False)) for member in obj.members.all()]


class FamilyRevisionOut(Schema):
    number: int
    reason: str
    changed_at: datetime
    changed_by: StaffName


class FamilyPlanOut(Schema):
    id: int
    case_id: int
    household_id: int | None = Field(validation_alias="case.household_id")
    strengths: str
    concerns: str
    started_on: date
    next_review_on: date | None
    goals: list[FamilyGoalOut]
    revisions: list[FamilyRevisionOut]
    version: int


class FamilyReferralOut(Schema):
    id: int
    goal_id: int
    case_id: int
    service_id: int
    status: str
    status_label: str = label_of("status")
