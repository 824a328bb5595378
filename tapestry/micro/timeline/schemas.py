"""Typed response bodies of the timeline API: a person's events and their ecomap connections."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema


class TimelineEventOut(Schema):
    when: datetime | date = Field(description="A date and time, or a date alone when no hour is recorded.")
    day: date
    kind: str = Field(
        description="What sort of event: registered, household, relationship, consent, case, note, ..."
    )
    kind_label: str
    title: str
    detail: str
    url: str = Field(description="The page of the record, in the web app (empty if none).")
    case_id: int | None
    case_number: str


class EcomapLinkOut(Schema):
    label: str
    kind: str = Field(description="family, worker, service, group, organisation, school or court.")
    kind_label: str
    detail: str
    url: str
    strained: bool = Field(description="A strained connection, e.g. a no-contact relationship.")


class EcomapOut(Schema):
    person_id: int
    person_name: str
    links: list[EcomapLinkOut]
