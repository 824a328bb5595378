"""Typed responses of the needs roll-ups API: every figure names its measure, period and suppression."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from tapestry.evidence.measures import PeriodType
from tapestry.places.models import Area
from tapestry.thread.rollups.selectors import MAX_PERIODS

PeriodKind = Literal[PeriodType.QUARTER.value, PeriodType.MONTH.value]
AreaKind = Literal[tuple(Area.Kind.values)]


class FiguresQuery(Schema):
    period: PeriodKind = Field("quarter", description="Periods of the trend: quarter or month.")
    count: int | None = Field(None, ge=2, le=MAX_PERIODS, description="How many periods, ending now.")
    area_kind: AreaKind = Field("neighbourhood", description="The kind of area the open cases are mapped to.")


class RowOut(Schema):
    label: str
    value: float | None = Field(description="Null where suppressed.")
    suppressed: bool
    hidden: str = Field("", description="Why it is hidden, where it is.")
    people: int | None = Field(None, description="For a mean: the people it rests on (null where hidden).")


class NeedFigureOut(Schema):
    key: str
    title: str
    measure: str = Field(description="The named measure the figure comes from.")
    period: str
    rows: list[RowOut]
    total: RowOut | None
    note: str
    suppression: str = Field(description="The suppression applied, in words.")


class NeedGroupOut(Schema):
    id: int
    name: str
    kind: str
    status: str
    program: str
    area: str
    space: str = Field(description="How full it is, as a band with no number.")
    waiting_list: bool


class LinkOut(Schema):
    id: int
    name: str
    detail: str = ""


class AddressedOut(Schema):
    groups: list[NeedGroupOut]
    programs: list[LinkOut]
    services: list[LinkOut]
    campaigns: list[LinkOut]
    coalitions: list[LinkOut]


class SubjectOut(Schema):
    kind: Literal["need", "barrier"]
    id: int
    code: str
    label: str
    domain: str


class NeedFiguresOut(Schema):
    subject: SubjectOut
    periods: str
    area_kind: str
    figures: list[NeedFigureOut]
    addressed: AddressedOut


class IndexEntryOut(Schema):
    kind: Literal["need", "barrier"]
    id: int
    label: str
    group: str
    open_cases: RowOut


class NeedsIndexOut(Schema):
    entries: list[IndexEntryOut]
    figures: list[NeedFigureOut]
