"""Typed request and response bodies of the fundraising API."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema

from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift
from tapestry.web.schemas import Input, label_of, stripped_text

DonorKind = Literal[tuple(Donor.Kind.values)]
Method = Literal[tuple(Donation.Method.values)]
Fund = Literal[tuple(Donation.Fund.values)]
Frequency = Literal[tuple(RecurringGift.Frequency.values)]
GiftStatus = Literal[tuple(RecurringGift.Status.values)]
Money = Field(gt=0, max_digits=12, decimal_places=2, description="US dollars.")


class DonorIn(Input):
    kind: DonorKind = "individual"
    given_name: stripped_text(100) = ""
    family_name: stripped_text(100) = ""
    organisation_name: stripped_text(200) = ""
    organisation_id: int | None = Field(
        None, description="An organisation of the directory (GET /api/v1/organisations)."
    )
    email: stripped_text(254) = ""
    phone: stripped_text(40) = ""
    street: stripped_text(200) = ""
    city: stripped_text(100) = ""
    region: stripped_text(50) = ""
    postal_code: stripped_text(20) = ""
    no_mail: bool = False
    no_email: bool = False
    anonymous: bool = False


class DonorPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    kind: DonorKind | None = None
    given_name: stripped_text(100) | None = None
    family_name: stripped_text(100) | None = None
    organisation_name: stripped_text(200) | None = None
    organisation_id: int | None = None
    email: stripped_text(254) | None = None
    phone: stripped_text(40) | None = None
    street: stripped_text(200) | None = None
    city: stripped_text(100) | None = None
    region: stripped_text(50) | None = None
    postal_code: stripped_text(20) | None = None
    no_mail: bool | None = None
    no_email: bool | None = None
    anonymous: bool | None = None


class DonorOut(Schema):
    id: int
    version: int
    kind: DonorKind
    name: str
    given_name: str
    family_name: str
    organisation_name: str
    organisation_id: int | None
    email: str
    phone: str
    street: str
    city: str
    region: str
    postal_code: str
    no_mail: bool
    no_email: bool
    anonymous: bool

    @staticmethod
    def resolve_name(obj: Donor) -> str:
        return str(obj)


class DonationIn(Input):
    donor_id: int
    amount: Decimal = Money
    received_on: date = Field(default_factory=timezone.localdate)
    method: Method
    in_kind_description: stripped_text(4000) = ""
    fund: Fund = "unrestricted"
    program_id: int | None = None
    campaign_id: int | None = None
    recurring_gift_id: int | None = None
    reference: stripped_text(100) = ""
    receipt: bool = Field(False, description="Issue its receipt number now.")


class DonationPatch(Input):
    version: int = Field(ge=1)
    amount: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2)
    received_on: date | None = None
    method: Method | None = None
    in_kind_description: stripped_text(4000) | None = None
    fund: Fund | None = None
    program_id: int | None = None
    campaign_id: int | None = None
    recurring_gift_id: int | None = None
    reference: stripped_text(100) | None = None


class DonationOut(Schema):
    id: int
    version: int
    donor_id: int
    amount: Decimal
    currency: str
    received_on: date
    method: Method
    method_label: str = label_of("method")
    in_kind_description: str
    fund: Fund
    program_id: int | None
    campaign_id: int | None
    recurring_gift_id: int | None
    reference: str
    receipt_number: str = Field(description="Year and number, once receipted; empty before.")
    voided_on: date | None
    void_reason: str

    @staticmethod
    def resolve_receipt_number(obj: Donation) -> str:
        return obj.receipt_label


class RecurringGiftIn(Input):
    donor_id: int
    amount: Decimal = Money
    frequency: Frequency = "monthly"
    starts_on: date = Field(default_factory=timezone.localdate)
    ends_on: date | None = None
    status: GiftStatus = "active"


class RecurringGiftPatch(Input):
    version: int = Field(ge=1)
    amount: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2)
    frequency: Frequency | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    status: GiftStatus | None = None


class RecurringGiftOut(Schema):
    id: int
    version: int
    donor_id: int
    amount: Decimal
    frequency: Frequency
    starts_on: date
    ends_on: date | None
    status: GiftStatus
    next_due_on: date | None = Field(None, description="The next instalment expected, for an active gift.")

    @staticmethod
    def resolve_next_due_on(obj: RecurringGift) -> date | None:
        return obj.next_due(timezone.localdate())


class OsdiImportOut(Schema):
    imported: int
    donors_matched: int
    donors_created: int
