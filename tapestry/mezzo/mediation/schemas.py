"""Typed request and response bodies of the mediation: disputes, parties, sessions, issues and agreements API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.mediation.models import Agreement, Dispute, Party
from tapestry.web.schemas import Input

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Kind = Literal[tuple(Dispute.Kind.values)]
StatusValue = Literal[tuple(Dispute.Status.values)]
RoleValue = Literal[tuple(Party.Role.values)]
FollowUpValue = Literal[tuple(Agreement.FollowUp.values)]


class DisputeIn(Input):
    title: Title
    kind: Kind
    description: Text = ""
    opened_on: date | None = Field(None, description="Defaults to today.")
    mediator_ids: list[int] = Field(description="Staff who run groups and mediations; include yourself.")


class DisputePatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    title: Title | None = None
    kind: Kind | None = None
    description: Text | None = None
    opened_on: date | None = None
    status: StatusValue | None = Field(
        None, description="Closing needs `close_reason` (and takes today by default)."
    )
    closed_on: date | None = None
    close_reason: Text | None = None
    mediator_ids: list[int] | None = None


class PartyIn(Input):
    person_id: int | None = Field(None, description="A person you may open; or give organisation_id.")
    organisation_id: int | None = None
    role: RoleValue = "party"


class MediationSessionIn(Input):
    held_on: date
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    next_steps: Text = ""
    present_party_ids: list[int] = Field(default_factory=list)


class IssueIn(Input):
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class AgreementIn(Input):
    terms: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    reached_on: date
    issue_ids: list[int] = Field(default_factory=list, description="Issues it settles; they become resolved.")
    follow_up_on: date | None = None


class MediationFollowUpIn(Input):
    version: int = Field(ge=1)
    follow_up_status: FollowUpValue | None = None
    follow_up_note: Text | None = Field(None, description="Needed when partly kept or broken.")
    follow_up_on: date | None = None


def _numbers(relation: str) -> Callable[[Any], list[int]]:
    """A resolver: the numbers of the records in `relation` (which the selector prefetched)."""
    return lambda obj: [record.pk for record in getattr(obj, relation).all()]


class PartyOut(Schema):
    id: int
    name: str
    person_id: int | None
    organisation_id: int | None
    role: str


class MediationSessionOut(Schema):
    id: int
    held_on: date
    present_party_ids: list[int]
    summary: str
    next_steps: str

    resolve_present_party_ids = staticmethod(_numbers("present"))


class IssueOut(Schema):
    id: int
    description: str
    status: str


class AgreementOut(Schema):
    id: int
    dispute_id: int
    terms: str
    reached_on: date
    issue_ids: list[int]
    follow_up_on: date | None
    follow_up_status: str
    follow_up_note: str
    followed_up_on: date | None
    version: int

    resolve_issue_ids = staticmethod(_numbers("issues"))


class DisputeOut(Schema):
    id: int
    title: str
    kind: str
    description: str
    status: str
    opened_on: date
    closed_on: date | None
    close_reason: str
    mediator_ids: list[int]
    version: int
    created_at: datetime

    resolve_mediator_ids = staticmethod(_numbers("mediators"))


class DisputeDetailOut(DisputeOut):
    parties: list[PartyOut]
    sessions: list[MediationSessionOut]
    issues: list[IssueOut]
    agreements: list[AgreementOut]
