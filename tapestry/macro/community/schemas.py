"""Typed request and response bodies of the community needs assessment API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.macro.community.models import Asset, Question
from tapestry.web.schemas import ErrorOut, Input

QuestionKind = Literal[tuple(Question.Kind.values)]
AssetKind = Literal[tuple(Asset.Kind.values)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=150)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)]


class CommunityAreaRefOut(Schema):
    id: int
    kind: str
    code: str
    name: str


class CommunityAssessmentIn(Input):
    title: Title
    area_id: int
    purpose: LongText = ""
    starts_on: date | None = None
    ends_on: date | None = None


class CommunityAssessmentPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    title: Title | None = None
    area_id: int | None = None
    purpose: LongText | None = None
    starts_on: date | None = None
    ends_on: date | None = None


class CommunityAssessmentOut(Schema):
    id: int
    title: str
    area: CommunityAreaRefOut
    purpose: str
    starts_on: date | None
    ends_on: date | None
    version: int
    created_at: datetime


class CommunitySurveyIn(Input):
    title: Title
    introduction: LongText = ""


class CommunityQuestionIn(Input):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    kind: QuestionKind
    required: bool = False
    choices: list[Short] = Field(default_factory=list, max_length=50)
    scale_min: int | None = Field(None, ge=-100, le=100)
    scale_max: int | None = Field(None, ge=-100, le=100)
    min_label: Label = ""
    max_label: Label = ""
    show_if_id: int | None = Field(None, description="An earlier choice or scale question of the survey.")
    show_values: list[Short] = Field(default_factory=list, max_length=50)


class CommunityQuestionOut(Schema):
    id: int
    position: int
    kind: str
    text: str
    required: bool
    choices: list[str]
    scale_min: int | None
    scale_max: int | None
    min_label: str
    max_label: str
    show_if_id: int | None
    show_values: list[str]


class CommunitySurveyOut(Schema):
    id: int
    assessment_id: int
    title: str
    introduction: str
    is_open: bool
    public_path: str
    questions: list[CommunityQuestionOut]


class CommunityResponseIn(Input):
    answers: dict[str, list[Annotated[str, StringConstraints(max_length=4000)]]] = Field(
        description='Question id to its answer(s), such as {"12": ["Rent"], "13": ["4"]}.', max_length=200
    )
    contact_name: Short = ""
    contact_detail: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""


class CommunityResponseOut(Schema):
    id: int
    survey_id: int
    answers_stored: int


class CommunityCellOut(Schema):
    label: str
    value: int | None = Field(description="None when suppressed (a count from 1 to the threshold less one).")


class CommunityQuestionResultOut(Schema):
    question_id: int
    text: str
    kind: str
    cells: list[CommunityCellOut]
    total: CommunityCellOut
    answered: CommunityCellOut
    mean: Decimal | None
    median: Decimal | None
    note: str


class CommunitySurveyResultOut(Schema):
    survey_id: int
    title: str
    responses: CommunityCellOut
    questions: list[CommunityQuestionResultOut]


class CommunityIndicatorValueOut(Schema):
    id: int
    area: CommunityAreaRefOut
    indicator: str
    period: str
    value: Decimal
    margin_of_error: Decimal | None
    source: str


class CommunityResultsOut(Schema):
    assessment_id: int
    threshold: int
    surveys: list[CommunitySurveyResultOut]
    indicators: list[CommunityIndicatorValueOut]
    practice_title: str | None
    practice: list[CommunityCellOut]
    practice_total: CommunityCellOut | None


class CommunityImportProblemOut(Schema):
    row: int
    column: str
    message: str


class CommunityImportOut(Schema):
    source: str
    summary: str
    added: int
    updated: int


class CommunityImportRefusedOut(ErrorOut):
    problems: list[CommunityImportProblemOut]


class CommunityAssetIn(Input):
    kind: AssetKind
    name: Title
    description: LongText = ""
    area_id: int | None = None
    service_id: int | None = None
    organisation_id: int | None = None


class CommunityAssetOut(Schema):
    id: int
    kind: str
    name: str
    description: str
    area_id: int | None
    service_id: int | None
    organisation_id: int | None
