"""Typed request and response bodies of the legislation API."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from tapestry.macro.legislation.models import (
    Bill,
    LegislatorContact,
    Position,
    Sponsorship,
    Testimony,
)
from tapestry.macro.legislation.openstates import ACTION_CLASSIFICATIONS, BILL_CLASSIFICATIONS
from tapestry.web.schemas import Input, StaffName, label_of, stripped_text

KindValue = Literal[tuple(Bill.Kind.values)]
StanceValue = Literal[tuple(Position.Stance.values)]
BillClassification = Literal[tuple(name for name, _ in BILL_CLASSIFICATIONS)]
ActionClassification = Literal[tuple(name for name, _ in ACTION_CLASSIFICATIONS)]
Url = stripped_text(300)


class BillIn(Input):
    kind: KindValue = "bill"
    jurisdiction: stripped_text(150, required=True)
    session: stripped_text(60) = ""
    identifier: stripped_text(60, required=True)
    title: stripped_text(500, required=True)
    classification: list[BillClassification] = Field(default_factory=list, max_length=10)
    subjects: list[stripped_text(150, required=True)] = Field(default_factory=list, max_length=50)
    abstract: stripped_text(10_000) = ""
    from_organization: stripped_text(150) = ""
    openstates_url: Url = ""


class BillPatch(Input):
    """Send `version` (from the bill you read) and only the fields you change."""

    version: int = Field(ge=1)
    kind: KindValue = None
    jurisdiction: stripped_text(150, required=True) = None
    session: stripped_text(60) = None
    identifier: stripped_text(60, required=True) = None
    title: stripped_text(500, required=True) = None
    classification: list[BillClassification] = Field(None, max_length=10)
    subjects: list[stripped_text(150, required=True)] = Field(None, max_length=50)
    abstract: stripped_text(10_000) = None
    from_organization: stripped_text(150) = None
    openstates_url: Url = None


class BillActionIn(Input):
    date: dt.date
    description: stripped_text(500, required=True)
    organization: stripped_text(150) = ""
    classification: list[ActionClassification] = Field(default_factory=list, max_length=10)


class BillActionOut(Schema):
    id: int
    date: dt.date
    description: str
    organization: str
    classification: list[str]
    order: int


class SponsorshipIn(Input):
    name: stripped_text(150) = Field("", description="Required unless `legislator_id` names one.")
    classification: Literal[tuple(Sponsorship.Classification.values)] = "primary"
    entity_type: Literal[tuple(Sponsorship.EntityType.values)] = "person"
    legislator_id: int | None = None


class SponsorshipOut(Schema):
    id: int
    name: str
    classification: str
    entity_type: str
    primary: bool
    legislator_id: int | None


class BillVersionLink(Schema):
    url: stripped_text(300, required=True)
    media_type: stripped_text(100) = ""


class BillVersionIn(Input):
    note: stripped_text(200, required=True)
    date: dt.date | None = None
    links: list[BillVersionLink] = Field(default_factory=list, max_length=10)


class BillVersionOut(Schema):
    id: int
    note: str
    date: dt.date | None
    links: list[dict[str, Any]]


class LegislatorIn(Input):
    name: stripped_text(150, required=True)
    office: stripped_text(150) = ""
    party: stripped_text(60) = ""
    email: stripped_text(254) = ""
    phone: stripped_text(40) = ""


class LegislatorOut(Schema):
    id: int
    name: str
    office: str
    party: str
    email: str
    phone: str
    openstates_id: str


class BillPositionIn(Input):
    """`version` is the position's version you read, 0 when the bill has none yet (409 if stale)."""

    version: int = Field(ge=0)
    stance: StanceValue
    rationale: stripped_text(10_000, required=True)
    decided_by: stripped_text(150, required=True)
    decided_on: dt.date


class BillPositionOut(Schema):
    stance: str
    stance_label: str = label_of("stance")
    rationale: str
    decided_by: str
    decided_on: dt.date
    version: int
    updated_at: dt.datetime


class PaperIn(Input):
    title: stripped_text(200, required=True)
    text: stripped_text(100_000, required=True)
    note: stripped_text(300) = ""


class PaperReviseIn(Input):
    """`version` is the paper's version you read (409 if someone revised it since)."""

    version: int = Field(ge=1)
    text: stripped_text(100_000, required=True)
    note: stripped_text(300) = ""


class PaperVersionOut(Schema):
    number: int
    text: str
    note: str
    written_by: StaffName
    created_at: dt.datetime


class PaperOut(Schema):
    id: int
    bill_id: int
    title: str
    version: int
    revisions: list[PaperVersionOut] = Field(description="Every version, newest first.")

    @staticmethod
    def resolve_revisions(obj: Any) -> list:
        return list(obj.revisions.all())


class TestimonyIn(Input):
    hearing_id: int | None = None
    hearing_date: dt.date
    committee: stripped_text(150, required=True)
    testified_by: stripped_text(150, required=True)
    mode: Literal[tuple(Testimony.Mode.values)]
    summary: stripped_text(10_000, required=True)
    text: stripped_text(100_000) = ""
    document_url: Url = ""


class TestimonyOut(Schema):
    id: int
    hearing_id: int | None
    hearing_date: dt.date
    committee: str
    testified_by: str
    mode: str
    summary: str
    text: str
    document_url: str


class LegislatorContactIn(Input):
    legislator_id: int | None = None
    legislator_name: stripped_text(150) = Field("", description="Required unless `legislator_id` names one.")
    office: stripped_text(150) = ""
    staff_name: stripped_text(150) = ""
    contacted_on: dt.date
    channel: Literal[tuple(LegislatorContact.Channel.values)]
    asked: stripped_text(10_000, required=True)
    answer: stripped_text(10_000) = ""
    follow_up: stripped_text(10_000) = ""
    follow_up_by: dt.date | None = None


class LegislatorContactOut(Schema):
    id: int
    legislator_id: int | None
    legislator_name: str
    office: str
    staff_name: str
    contacted_on: dt.date
    channel: str
    asked: str
    answer: str
    follow_up: str
    follow_up_by: dt.date | None


class HearingIn(Input):
    starts_at: dt.datetime
    committee: stripped_text(150, required=True)
    location: stripped_text(200) = ""
    notes: stripped_text(10_000) = ""


class HearingOut(Schema):
    id: int
    starts_at: dt.datetime
    committee: str
    location: str
    notes: str
    reminded_at: dt.datetime | None


class BillOut(Schema):
    id: int
    kind: str
    jurisdiction: str
    session: str
    identifier: str
    title: str
    classification: list[str]
    subjects: list[str]
    abstract: str
    from_organization: str
    openstates_id: str | None
    openstates_url: str
    status: str
    status_label: str = label_of("status")
    status_date: dt.date | None
    stance: str | None = Field(description="The agency's position, null when it has taken none.")
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_subjects(obj: Any) -> list[str]:
        return [subject.name for subject in obj.subjects.all()]

    @staticmethod
    def resolve_stance(obj: Any) -> str | None:
        position = getattr(obj, "position", None)
        return position.stance if position else None


class BillDetailOut(BillOut):
    sources: list[dict[str, Any]]
    sponsorships: list[SponsorshipOut]
    versions: list[BillVersionOut]
    actions: list[BillActionOut]
    position: BillPositionOut | None
    papers: list[PaperOut]
    testimony: list[TestimonyOut]
    contacts: list[LegislatorContactOut]
    hearings: list[HearingOut]

    @staticmethod
    def resolve_position(obj: Any) -> Any:
        return getattr(obj, "position", None)

    @staticmethod
    def resolve_sponsorships(obj: Any) -> list:
        return list(obj.sponsorships.all())

    @staticmethod
    def resolve_versions(obj: Any) -> list:
        return list(obj.versions.all())

    @staticmethod
    def resolve_actions(obj: Any) -> list:
        return list(obj.actions.all())

    @staticmethod
    def resolve_papers(obj: Any) -> list:
        return list(obj.papers.all())

    @staticmethod
    def resolve_testimony(obj: Any) -> list:
        return list(obj.testimony.all())

    @staticmethod
    def resolve_contacts(obj: Any) -> list:
        return list(obj.contacts.all())

    @staticmethod
    def resolve_hearings(obj: Any) -> list:
        return list(obj.hearings.all())
