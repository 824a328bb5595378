"""Typed request and response bodies of the indicators API."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.evidence.measures import PeriodType
from tapestry.macro.evaluation.models import Indicator
from tapestry.web.schemas import Input, StaffRef

# Literals rather than TextChoices: other apps' classes of the same name would collide as components.
IndicatorFactor = Literal[tuple(Indicator.Factor.values)]
IndicatorDirection = Literal[tuple(Indicator.Direction.values)]
IndicatorPeriodType = Literal[tuple(PeriodType.values)]
IndicatorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
IndicatorText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
MeasureName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]
PeriodText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10)]
Amount = Annotated[Decimal, Field(max_digits=12, decimal_places=2)]


class IndicatorIn(Input):
    name: IndicatorName
    definition: IndicatorText
    numerator: MeasureName = Field(description="A measure's name, from GET /api/v1/indicators/measures.")
    denominator: MeasureName = Field("", description="A count measure's name; empty for a count indicator.")
    factor: IndicatorFactor = "percent"
    period_type: IndicatorPeriodType = "quarter"
    breakdown: MeasureName = Field("", description="A breakdown both measures offer; empty for none.")
    program_id: int | None = None
    baseline_value: Amount | None = None
    baseline_period: PeriodText = ""
    target_value: Amount | None = None
    targets: dict[str, Amount] = Field(
        default_factory=dict, description='Period label to target, such as {"2026-Q1": 60}.'
    )
    direction: IndicatorDirection = "higher"
    owner_id: int | None = None


class IndicatorPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    name: IndicatorName | None = None
    definition: IndicatorText | None = None
    numerator: MeasureName | None = None
    denominator: MeasureName | None = None
    factor: IndicatorFactor | None = None
    period_type: IndicatorPeriodType | None = None
    breakdown: MeasureName | None = None
    program_id: int | None = None
    baseline_value: Amount | None = None
    baseline_period: PeriodText | None = None
    target_value: Amount | None = None
    targets: dict[str, Amount] | None = None
    direction: IndicatorDirection | None = None
    owner_id: int | None = None


class IndicatorProgramRef(Schema):
    id: int
    name: str


class IndicatorOut(Schema):
    id: int
    version: int
    name: str
    definition: str
    numerator: str
    denominator: str
    factor: IndicatorFactor
    period_type: IndicatorPeriodType
    breakdown: str
    program: IndicatorProgramRef | None
    baseline_value: Decimal | None
    baseline_period: str
    target_value: Decimal | None
    targets: dict[str, float]
    direction: IndicatorDirection
    owner: StaffRef | None


class IndicatorRateOut(Schema):
    row: str = Field(description="The breakdown row; empty for the period as a whole.")
    numerator: float | None = Field(description="Null where suppressed.")
    denominator: int | None = Field(description="Null where suppressed or for a count.")
    value: float | None = Field(description="Null where suppressed or where there is nothing to divide by.")
    suppressed: bool
    hidden: str = Field(description="Why the value is suppressed; empty when it is not.")


class IndicatorValueOut(Schema):
    period: str
    starts_on: date
    numerator: float | None
    denominator: int | None
    value: float | None
    suppressed: bool
    hidden: str
    target: Decimal | None
    status: str = Field(description="Met, Not met, No target, Suppressed or No data.")
    change: float | None = Field(description="From the period before, where both are shown.")
    from_baseline: float | None
    rows: list[IndicatorRateOut]


class IndicatorListItemOut(IndicatorOut):
    latest: IndicatorValueOut | None = Field(description="The latest period shown with a value.")


class IndicatorValuesOut(IndicatorOut):
    threshold: int
    values: list[IndicatorValueOut]


class IndicatorMeasureOut(Schema):
    name: str
    title: str
    unit: str
    kind: str = Field(description="count, or sum (a total divided only by the count it is over)")
    over: str
    breakdowns: dict[str, str]
    note: str
