"""Typed request and response bodies of the group outcomes API."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from ninja import Field, Schema

from tapestry.mezzo.group_outcomes.services import NOTE_MAX
from tapestry.micro.assessments.schemas import SentAnswers
from tapestry.web.schemas import Input, stripped_text

GoalStatus = Literal["active", "met", "partly_met", "not_met"]
Phase = Literal["pre", "post"]


class GroupGoalIn(Input):
    description: stripped_text(300, required=True)
    measure: stripped_text(300) = ""
    target: stripped_text(200) = ""
    status: GoalStatus = "active"
    reviewed_on: date | None = None


class GroupGoalPatch(Input):
    version: int = Field(description="The version you read; a stale one is refused with 409.")
    description: stripped_text(300, required=True) | None = None
    measure: stripped_text(300) | None = None
    target: stripped_text(200) | None = None
    status: GoalStatus | None = None
    reviewed_on: date | None = None


class GroupGoalOut(Schema):
    id: int
    group_id: int
    description: str
    measure: str
    target: str
    status: str
    reviewed_on: date | None
    version: int


class GroupMeasureIn(Input):
    membership_id: int = Field(description="The member's membership in this group.")
    instrument: stripped_text(32, required=True) = Field(
        description="An instrument the group uses, e.g. phq-9."
    )
    phase: Phase
    answers: SentAnswers = Field(
        description="For each item code, the choice's `value` as listed in /instruments: an integer on a "
        "numeric item (not text, a decimal or true/false), else a string."
    )
    administered_on: date | None = Field(None, description="Defaults to today; never in the future.")
    note: stripped_text(NOTE_MAX) = ""


class GroupMeasureOut(Schema):
    id: int
    membership_id: int
    instrument: str
    phase: str
    administered_on: date
    total_score: int
    severity_band: str
    from_case_assessment: bool = Field(description="Copied from an assessment on the member's case.")
    corrected: bool
    version: int

    @staticmethod
    def resolve_from_case_assessment(obj: Any) -> bool:
        return obj.source_assessment_id is not None

    @staticmethod
    def resolve_corrected(obj: Any) -> bool:
        return obj.corrected_at is not None


# The report and its summary are read from the selectors' records (`MemberRow`, `InstrumentOutcome`,
# `OutcomeReport` and their aggregate twins) by alias; the averages are Decimals, sent as numbers.


class MemberRowOut(Schema):
    membership_id: int = Field(validation_alias="membership.pk")
    name: str = Field(validation_alias="membership.person.display_name")
    pre: int | None
    post: int | None
    change: int | None
    improved: bool | None

    @staticmethod
    def resolve_pre(obj: Any) -> int | None:
        return obj.pre.total_score if obj.pre else None

    @staticmethod
    def resolve_post(obj: Any) -> int | None:
        return obj.post.total_score if obj.post else None


class InstrumentOutcomeOut(Schema):
    instrument: str = Field(validation_alias="code")
    name: str
    direction: str
    members_with_both: int = Field(validation_alias="n_both")
    average_pre: float | None
    average_post: float | None
    average_change: float | None
    improved: int = Field(validation_alias="n_improved")
    share_improved: int | None = Field(description="Percent of members with both measures who improved.")
    members: list[MemberRowOut] = Field(validation_alias="rows")


class OutcomeReportOut(Schema):
    group_id: int = Field(validation_alias="group.pk")
    goals_met: int = Field(validation_alias="goals_met.met")
    goals_total: int = Field(validation_alias="goals_met.total")
    instruments: list[InstrumentOutcomeOut] = Field(validation_alias="outcomes")


class InstrumentSummaryOut(Schema):
    instrument: str = Field(validation_alias="code")
    name: str
    direction: str
    members_with_both: int | None = Field(
        description="null when suppressed (a small count).", validation_alias="with_both.value"
    )
    improved: int | None = Field(description="null when suppressed.", validation_alias="improved.value")
    not_improved: int | None = Field(
        description="null when suppressed.", validation_alias="not_improved.value"
    )
    average_change: float | None = Field(description="null unless enough members have both measures.")
    average_change_suppressed: bool

    @staticmethod
    def resolve_average_change_suppressed(obj: Any) -> bool:
        return not obj.average_change_shown


class OutcomeSummaryOut(Schema):
    group_id: int = Field(validation_alias="group.pk")
    threshold: int = Field(description="Counts from 1 to threshold-1 are suppressed.")
    goals_met: int = Field(validation_alias="goals_met.met")
    goals_total: int = Field(validation_alias="goals_met.total")
    instruments: list[InstrumentSummaryOut]
