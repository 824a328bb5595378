"""Typed bodies of the consent API; names start with PersonConsent so they are unique in the API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.access import consent_rules
from tapestry.access.models import Consent, Segment
from tapestry.web.schemas import Input

Purpose = Literal[tuple(Consent.Purpose.values)]
RecordPart = Literal[tuple(Consent.RecordPart.values)]
SegmentValue = Literal[("", *Segment.values)]
Signer = Literal[("", *Consent.Signer.values)]


def text(max_length: int) -> Any:
    return Annotated[str, StringConstraints(strip_whitespace=True, max_length=max_length)]


class PersonConsentRecordIn(Input):
    """A consent as the signed form states it. Substance-use consents need every element of
    42 CFR 2.31(a), school consents every element of 34 CFR 99.30; a missing one is a 422 naming it."""

    purpose: Purpose
    segment: SegmentValue = Field("", description="Empty for the general record.")
    record_parts: list[RecordPart] = Field(
        default_factory=list, description="The parts of the record it covers."
    )
    information: text(255) = Field("", description="What may be shared, in the person's words.")
    discloser: text(255) = Field("", description="Who may make the disclosure (42 CFR 2.31(a)(2)).")
    recipient_organisation_id: int | None = None
    recipient_description: text(255) = Field(
        "", description="Only the single TPO consent may describe its recipients in words."
    )
    written: bool = False
    document_reference: text(255) = ""
    revocation_statement: text(2000) = Field(consent_rules.REVOCATION_STATEMENT)
    hipaa_redisclosure_statement: bool = False
    signed_by: Signer = ""
    representative_name: text(200) = ""
    representative_authority: text(200) = ""
    signed_on: dt.date | None = None
    given_on: dt.date | None = Field(None, description="Default: today.")
    expires_on: dt.date | None = None
    expiry_event: text(255) = ""


class PersonConsentOut(Schema):
    id: int
    person_id: int
    purpose: str
    segment: str
    record_parts: list[str]
    information: str
    discloser: str
    recipient_organisation_id: int | None
    recipient_name: str
    recipient_description: str
    written: bool
    document_reference: str
    revocation_statement: str
    hipaa_redisclosure_statement: bool
    signed_by: str
    representative_name: str
    representative_authority: str
    signed_on: dt.date | None
    given_on: dt.date
    expires_on: dt.date | None
    expiry_event: str
    revoked_on: dt.date | None
    in_force: bool
    missing_elements: dict[str, str] = Field(
        description="Required elements this consent lacks (an older consent); it authorises no release."
    )

    @staticmethod
    def resolve_recipient_name(obj: Consent) -> str:
        return obj.recipient_organisation.name if obj.recipient_organisation_id else ""

    @staticmethod
    def resolve_in_force(obj: Consent) -> bool:
        return obj.is_in_force()

    @staticmethod
    def resolve_missing_elements(obj: Consent) -> dict[str, str]:
        return consent_rules.missing_elements(obj)


class PersonDisclosureOut(Schema):
    """One release of the person's records outside the agency."""

    when: dt.datetime
    recipient: str
    purpose: str
    parts: list[str]
    segment: str
    consent_id: int | None
    made_by: str
    reference: str
    url: str
