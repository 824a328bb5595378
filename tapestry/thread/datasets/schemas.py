"""Typed request and response bodies of the research data sets API."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from tapestry.thread.datasets.models import DEFAULT_K, DateHandling
from tapestry.web.schemas import Input, label_of, stripped_text

DateHandlingCode = Literal[tuple(DateHandling.values)]


class DataSetIn(Input):
    name: stripped_text(150, required=True)
    purpose: stripped_text(5000, required=True)
    fields: list[str] = Field(
        max_length=50, description="Codes of the catalogue's fields (see docs/thread-datasets.md), in order."
    )
    period_start: date
    period_end: date
    program_id: int | None = Field(None, description="Only cases of this program.")
    need_id: int | None = Field(None, description="Only cases with this need.")
    case_type: str = Field("", max_length=20, description="Only cases of this type.")
    k: int = Field(
        DEFAULT_K, ge=0, le=1000, description="Every class is shared by at least k persons (2 or more)."
    )
    date_handling: DateHandlingCode = DateHandling.SHIFT
    max_suppressed_percent: int = Field(5, ge=0, le=50)
    recipient_organisation_id: int | None = Field(
        None, description="The research partner a research consent must name for Part 2 and school records."
    )


class DataSetOut(Schema):
    id: int
    name: str
    purpose: str
    fields: list[str]
    period_start: date
    period_end: date
    program_id: int | None
    need_id: int | None
    case_type: str
    k: int
    date_handling: str
    date_handling_label: str = label_of("date_handling")
    max_suppressed_percent: int
    recipient_organisation_id: int | None
    created_at: datetime


class DataSetExportOut(Schema):
    id: int
    data_set_id: int
    status: str
    status_label: str = label_of("status")
    requested_at: datetime
    finished_at: datetime | None
    percent_done: int = Field(description="Cases read, in per cent, in steps of ten while it runs.")
    records_written: int
    records_suppressed: int
    report: dict
    problem: str
