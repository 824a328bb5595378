"""Typed request and response bodies of the partnerships API."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.mezzo.partners.models import Partnership
from tapestry.web.schemas import Input, StaffRef, label_of

# Literals rather than TextChoices: other apps' "Status" classes would collide as components.
AgreementType = Literal[tuple(Partnership.AgreementType.values)]
PartnershipStatus = Literal[tuple(Partnership.Status.values)]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class PartnershipIn(Input):
    organisation_id: int = Field(description="The partner, from GET /api/v1/organisations.")
    agreement_type: AgreementType
    status: PartnershipStatus = "active"
    signed_on: date | None = None
    starts_on: date = Field(default_factory=timezone.localdate)
    ends_on: date | None = None
    lead_id: int | None = Field(None, description="Our member of staff who looks after the partnership.")
    notes: Notes = ""
    program_ids: list[int] = Field(default_factory=list, description="Shared programs.")
    contact_ids: list[int] = Field(default_factory=list, description="Contacts at the partner organisation.")


class PartnershipPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    agreement_type: AgreementType | None = None
    status: PartnershipStatus | None = None
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    lead_id: int | None = None
    notes: Notes | None = None
    program_ids: list[int] | None = None
    contact_ids: list[int] | None = None


class PartnerRef(Schema):
    id: int
    name: str


class PartnerContactOut(Schema):
    id: int
    name: str
    title: str
    phone: str
    email: str


class PartnershipOut(Schema):
    id: int
    organisation: PartnerRef
    agreement_type: str
    agreement_label: str = label_of("agreement_type")
    status: str
    status_label: str = label_of("status")
    signed_on: date | None
    starts_on: date
    ends_on: date | None
    renewal_due: bool = Field(description="Live and running out within 60 days (or already run out).")
    lead: StaffRef | None
    programs: list[PartnerRef]
    contacts: list[PartnerContactOut]
    notes: str
    version: int


class CountOut(Schema):
    label: str
    count: int | None = Field(
        description="Null when the count is suppressed (1 to 10, or recoverable).", validation_alias="value"
    )
    suppressed: bool


class MonthCountsOut(Schema):
    month: str = Field(description="YYYY-MM.")
    sent: CountOut
    received: CountOut

    @staticmethod
    def resolve_month(obj: Any) -> str:
        return obj.month.strftime("%Y-%m")


class PartnerReferralCountsOut(Schema):
    partnership_id: int
    organisation_id: int
    threshold: int = Field(description="Counts below this are suppressed.")
    suppressed: bool = Field(description="Whether any count below is suppressed.")
    by_status: list[CountOut] = Field(description="Referrals we sent, by status (drafts not counted).")
    sent_total: CountOut
    by_month: list[MonthCountsOut] = Field(description="The last 12 months, oldest first.")
    sent_in_months: CountOut
    received_in_months: CountOut


class IncomingReferralIn(Input):
    case_id: int = Field(description="An open case you may change.")
    received_on: date = Field(default_factory=timezone.localdate)
    need: str | None = Field(None, description="A need code, from GET /api/v1/needs.")
    reason: Reason = Field(description="What the partner asked us to do.")


class IncomingReferralOut(Schema):
    id: int
    partnership_id: int
    case_id: int
    received_on: date
    need: str | None
    reason: str

    @staticmethod
    def resolve_need(obj: Any) -> str | None:
        return obj.need.code if obj.need_id else None
