"""Bodies of the evidence-pack API."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from tapestry.web.schemas import Input, stripped_text

PackColumns = Literal["quarter", "month"]


class PackIn(Input):
    campaign_id: int = Field(description="The campaign, from GET /api/v1/campaigns.")
    title: stripped_text(200, required=True)
    purpose: stripped_text(300) = ""
    needs: list[str] | None = Field(
        None, description="Need codes, from GET /api/v1/needs; the campaign's needs when left out."
    )
    first_year: int = Field(ge=2000, le=2100)
    last_year: int = Field(ge=2000, le=2100)
    columns: PackColumns = "quarter"
    include_stories: bool = True


class PackCampaignOut(Schema):
    id: int
    title: str


class PackOut(Schema):
    id: int
    campaign: PackCampaignOut
    title: str
    purpose: str
    needs: list[str] = Field(description="Need codes.")
    first_year: int
    last_year: int
    columns: PackColumns
    include_stories: bool
    version: int

    @staticmethod
    def resolve_needs(obj: object) -> list[str]:
        return [need.code for need in obj.needs.all()]


class PackCellOut(Schema):
    numerator: float | None = Field(description="Null where suppressed.")
    denominator: int | None = Field(description="Null for a count, or where suppressed.")
    value: float | None = Field(description="The count, per cent or mean; null where suppressed.")
    shown: str = Field(description="As the page and PDF write it: `<11` or `hidden` where suppressed.")
    suppressed_because: str = Field(description="Why the cell is hidden; empty where shown.")


class PackColumnOut(Schema):
    label: str = Field(description="A period (2026-Q1, 2026-03) or a year's total (`2026 total`).")
    kind: Literal["month", "quarter", "year"]


class PackRowOut(Schema):
    label: str
    cells: list[PackCellOut] = Field(description="One per column.")


class PackFigureOut(Schema):
    key: str
    title: str
    kind: Literal["count", "rate", "mean"]
    measures: str = Field(description="The named measures it is read from.")
    unit: str
    period: str
    breakdown: str
    suppression: str = Field(description="The suppression applied, and how many cells it hid.")
    columns: list[PackColumnOut]
    rows: list[PackRowOut] = Field(description="`All` first, then each row of the breakdown.")


class PackStoryOut(Schema):
    title: str
    text: str = Field(description="Scrubbed of every identifier and approved by a reviewer.")


class PackDetailOut(PackOut):
    figures: list[PackFigureOut]
    stories: list[PackStoryOut]
