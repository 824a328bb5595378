"""Typed bodies of the referrals API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral
from tapestry.web.schemas import Input, label_of

Part = Literal[tuple(name for name, _ in Referral.PARTS)]
Urgency = Literal[tuple(Referral.Urgency.values)]
StatusValue = Literal[tuple(Referral.Status.values)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]


class ReferralIn(Input):
    service_id: int = Field(description="A service of the resource directory.")
    reason: Reason = Field(description="What you ask the service to do.")
    urgency: Urgency = "routine"
    case_need_ids: list[int] = Field(default_factory=list, description="Needs recorded on this case.")
    parts: list[Part] = Field(
        min_length=1,
        description="Required: the parts of the person's record that go with the referral (at least one); "
        "the consent in force must cover them before it is sent.",
    )


class StatusIn(Input):
    status: StatusValue = Field(
        description="`sent` sends a recorded referral (after the consent check); the others record the answer."
    )
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    note: Short = ""
    decline_reason: Short = Field("", description="Required when the status is `declined`.")


class ServiceRef(Schema):
    id: int
    name: str
    organization: str = Field(validation_alias="organization.name")


class ReferralNeedRef(Schema):
    id: int = Field(description="The case need's id.")
    code: str = Field(validation_alias="need.code")
    label: str = Field(validation_alias="need.label")
    status: str


class ReferralOut(Schema):
    id: int
    case_id: int
    service: ServiceRef
    reason: str
    urgency: str
    status: str
    status_label: str = label_of("status")
    decline_reason: str
    parts: list[str] = Field(description="The parts of the person's record that go with the referral.")
    part_labels: list[str] = Field(description="The same parts, as the referral page names them.")
    needs: list[ReferralNeedRef]
    legal_basis: str = Field(description="Set when it went without consent, as FERPA directory information.")
    sent_at: datetime | None
    response_due_on: date | None
    overdue: bool = Field(validation_alias="is_overdue")
    version: int
    created_at: datetime


class EventOut(Schema):
    status: str
    note: str
    at: datetime
    by: str

    @staticmethod
    def resolve_by(obj: Any) -> str:
        return obj.actor.username if obj.actor_id else "system"


class ConsentOut(Schema):
    in_force: bool
    consent_id: int | None
    missing: str = Field(description="Which consent is missing, when none is in force.")


class ReferralDetailOut(ReferralOut):
    events: list[EventOut]
    consent: ConsentOut
    redisclosure_notice: str = Field(
        description="Set for substance-use referrals: it travels with every release."
    )

    @staticmethod
    def resolve_consent(obj: Any) -> dict[str, Any]:
        consent = disclosure.consent_in_force(obj)
        return {
            "in_force": consent is not None,
            "consent_id": consent.pk if consent else None,
            "missing": "" if consent else disclosure.missing_consent_message(obj),
        }

    @staticmethod
    def resolve_redisclosure_notice(obj: Any) -> str:
        return disclosure.notice_for(obj)
