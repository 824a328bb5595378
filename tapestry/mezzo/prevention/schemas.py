"""Typed request and response bodies of the prevention programs, activities and outcome measures API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.web.schemas import Input

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Population = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Focus = Literal[tuple(PreventionProgram.Focus.values)]
Setting = Literal[tuple(PreventionProgram.Setting.values)]
Kind = Literal[tuple(Activity.Kind.values)]
Direction = Literal[tuple(OutcomeMeasure.Direction.values)]
Source = Literal[tuple(OutcomeMeasure.Source.values)]
Count = Annotated[int, Field(ge=0)]


class PreventionProgramIn(Input):
    name: Name
    focus: Focus
    target_population: Population
    setting: Setting
    starts_on: date
    ends_on: date | None = None
    lead_id: int = Field(description="A staff member who designs and runs programs.")
    program_id: int | None = Field(None, description="The agency program it belongs to.")
    risk_factors: list[Line] = Field(default_factory=list)
    protective_factors: list[Line] = Field(default_factory=list)


class PreventionProgramPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    name: Name | None = None
    focus: Focus | None = None
    target_population: Population | None = None
    setting: Setting | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    lead_id: int | None = None
    program_id: int | None = None
    risk_factors: list[Line] | None = None
    protective_factors: list[Line] | None = None


class ActivityIn(Input):
    kind: Kind
    held_on: date
    title: Line
    location: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    delivered_by: Line
    headcount: Count = Field(description="How many took part; nobody is named.")
    children: Count | None = None
    youth: Count | None = None
    adults: Count | None = None
    older_adults: Count | None = None
    notes: Text = ""


class PreventionMeasureIn(Input):
    name: Line
    unit: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    direction: Direction
    source: Source
    before_value: Decimal = Field(max_digits=12, decimal_places=2)
    before_n: int = Field(ge=1)
    before_on: date
    after_value: Decimal = Field(max_digits=12, decimal_places=2)
    after_n: int = Field(ge=1)
    after_on: date


class ActivityOut(Schema):
    id: int
    program_id: int
    kind: str
    held_on: date
    title: str
    location: str
    delivered_by: str
    headcount: int
    children: int | None
    youth: int | None
    adults: int | None
    older_adults: int | None
    notes: str


class PreventionMeasureOut(Schema):
    id: int
    program_id: int
    name: str
    unit: str
    direction: str
    source: str
    before_value: Decimal
    before_n: int
    before_on: date
    after_value: Decimal
    after_n: int
    after_on: date
    change: Decimal
    improved: bool | None = Field(description="True if the change went the good way; null when unchanged.")


class PreventionProgramOut(Schema):
    id: int
    name: str
    program_id: int | None
    focus: str
    target_population: str
    setting: str
    risk_factors: list[str]
    protective_factors: list[str]
    starts_on: date
    ends_on: date | None
    lead_id: int
    version: int
    created_at: datetime


class CountRow(Schema):
    label: str
    activities: int
    headcount: int


class PreventionReachOut(Schema):
    activities: int
    headcount: int
    by_kind: list[CountRow]
    by_month: list[CountRow]


class ProgramDetailOut(PreventionProgramOut):
    reach: PreventionReachOut
    measures: list[PreventionMeasureOut]
