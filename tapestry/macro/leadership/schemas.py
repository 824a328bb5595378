"""Typed request and response bodies of the leadership API."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from tapestry.macro.leadership.models import ComplianceItem
from tapestry.programs.schemas import BreakdownOut
from tapestry.web.schemas import Input, StaffRef, label_of, stripped_text

Title = stripped_text(200, required=True)
Text = stripped_text(5000)
Reference = stripped_text(300)
Kind = Literal[tuple(ComplianceItem.Kind.values)]
Recurrence = Literal[tuple(ComplianceItem.Recurrence.values)]
Show = Literal["open", "overdue", "due_soon", "closed"]


class ComplianceIn(Input):
    kind: Kind
    title: Title
    owner_id: int | None = Field(None, description="The staff member who sees to it and is reminded.")
    due_on: date
    recurrence: Recurrence = "none"
    every_months: int | None = Field(None, description="Months apart, when `recurrence` is `months`.")
    notes: Text = ""
    evidence: Reference = ""


class CompliancePatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    kind: Kind | None = None
    title: Title | None = None
    owner_id: int | None = None
    due_on: date | None = None
    recurrence: Recurrence | None = None
    every_months: int | None = None
    notes: Text | None = None
    evidence: Reference | None = None


class ComplianceDoneIn(Input):
    version: int = Field(ge=1, description="The version you read.")
    done_on: date
    evidence: Reference = ""


class ComplianceWaiveIn(Input):
    version: int = Field(ge=1, description="The version you read.")
    reason: stripped_text(300, required=True)


class ComplianceOut(Schema):
    id: int
    version: int
    kind: str
    kind_label: str = label_of("kind")
    title: str
    owner: StaffRef | None
    due_on: date
    recurrence: str
    every_months: int | None
    status: str
    status_label: str = label_of("status")
    done_on: date | None
    waived_reason: str
    notes: str
    evidence: str
    follows_id: int | None = Field(description="The item this one follows, for a recurring item.")
    created_at: datetime
    updated_at: datetime


class ComplianceDetailOut(ComplianceOut):
    next_item_id: int | None = Field(description="The item made when this recurring one was done.")
    reminded_on: list[date] = Field(description="Days a reminder went out, latest first.")

    @staticmethod
    def resolve_next_item_id(obj: ComplianceItem) -> int | None:
        following = getattr(obj, "next_item", None)
        return following.pk if following is not None else None

    @staticmethod
    def resolve_reminded_on(obj: ComplianceItem) -> list[date]:
        return [reminder.created_at.date() for reminder in obj.reminders.all()]


class IndicatorStatusOut(Schema):
    id: int
    name: str
    period: str | None
    value: float | None = Field(description="Null where suppressed or with no data.")
    target: float | None
    status: str = Field(description="Met, Not met, No target, Suppressed or No data.")


class GrantDeadlineOut(Schema):
    kind: str
    what: str
    due_on: date
    days_left: int
    application_id: int = Field(validation_alias="application.pk")
    application: str = Field(validation_alias="application.title")
    owner: StaffRef | None


class MilestoneOut(Schema):
    id: int
    milestone: str
    due_on: date
    campaign_id: int
    campaign: str = Field(validation_alias="campaign.title")


class DashboardOut(Schema):
    practice: bool = Field(
        description="False for a role that reads no aggregates: only compliance is filled."
    )
    caseloads: BreakdownOut | None
    reach: BreakdownOut | None
    indicators: list[IndicatorStatusOut]
    more_indicators: bool = Field(description="More indicators than the dashboard shows (see /indicators).")
    grant_deadlines: list[GrantDeadlineOut]
    milestones: list[MilestoneOut]
    compliance: list[ComplianceOut]
