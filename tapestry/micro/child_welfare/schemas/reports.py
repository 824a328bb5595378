"""Bodies of the child-welfare report and investigation routes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from tapestry.micro.child_welfare.schemas.values import (
    ChildWelfareOrganisationRef,
    ContactMethod,
    Decision,
    Finding,
    Maltreatment,
    ParticipantRole,
    Priority,
    ReceivedVia,
    ReporterType,
    RequiredText,
    Text,
    Text150,
    Text255,
)
from tapestry.micro.child_welfare.selectors import investigation_of
from tapestry.web.schemas import Input, PersonRef, StaffRef, label_of, shown_if

# Reports -----------------------------------------------------------------------------------------


class ChildWelfareAllegationIn(Input):
    child_id: int
    maltreatment: Maltreatment
    alleged_perpetrator_id: int | None = Field(None, description="Leave out if not known.")
    description: RequiredText


class ChildWelfareParticipantIn(Input):
    person_id: int
    role: ParticipantRole
    note: Text255 = ""


class ChildWelfareReportIn(Input):
    received_at: datetime | None = Field(None, description="When the report came in; now if left out.")
    received_via: ReceivedVia
    reporter_type: ReporterType
    reporter_name: Text150 = Field("", description="Leave empty for an anonymous reporter.")
    reporter_relationship: Text150 = ""
    reporter_contact: Text150 = ""
    reporter_confidential: bool = Field(False, description="The family is never told who reported.")
    concerns: RequiredText = Field(description="What was reported, in the reporter's words.")
    response_priority: Priority = "72h"
    allegations: list[ChildWelfareAllegationIn] = Field(min_length=1)
    participants: list[ChildWelfareParticipantIn] = Field(
        default_factory=list,
        description="Parents, caregivers and others involved; children in allegations are added as children.",
    )


class ChildWelfareScreeningIn(Input):
    version: int = Field(ge=1)
    decision: Decision
    reason: Text = Field("", description="Needed when screened out or referred elsewhere.")
    referred_to_id: int | None = Field(None, description="The organisation, when referred elsewhere.")
    response_priority: Priority | None = None


class ChildWelfareAllegationOut(Schema):
    id: int
    child: PersonRef | None = Field(description="Null when outside the caller's reach.")
    maltreatment: str
    maltreatment_label: str = label_of("maltreatment")
    alleged_perpetrator: PersonRef | None = Field(
        description="Null when not known, or outside the caller's reach."
    )
    description: str
    finding: str = Field(description="Empty until the investigation records one.")
    finding_note: str
    found_on: date | None
    version: int

    resolve_child = shown_if("child", "child_nameable")
    resolve_alleged_perpetrator = shown_if("alleged_perpetrator", "alleged_perpetrator_nameable")


class ChildWelfareParticipantOut(Schema):
    id: int
    person: PersonRef | None = Field(description="Null when outside the caller's reach.")
    role: str
    note: str

    resolve_person = shown_if("person", "person_nameable")


class ChildWelfareContactOut(Schema):
    id: int
    contacted_at: datetime
    person: PersonRef | None = Field(
        description="Null for a collateral contact, or outside the caller's reach."
    )
    collateral_name: str
    method: str
    summary: str

    resolve_person = shown_if("person", "person_nameable")


class ChildWelfareInvestigationOut(Schema):
    id: int
    report_id: int
    worker: StaffRef
    started_on: date
    closed_on: date | None
    conclusion: str
    version: int
    contacts: list[ChildWelfareContactOut]


class ChildWelfareReportListItemOut(Schema):
    id: int
    number: str
    case_id: int
    received_at: datetime
    received_via: str
    reporter_type: str
    mandated_reporter: bool = Field(validation_alias="is_mandated_reporter")
    reporter_confidential: bool
    response_priority: str
    respond_by: datetime
    overdue: bool = Field(
        description="Still awaiting screening past its response priority.", validation_alias="is_overdue"
    )
    screening: str
    allegations: list[ChildWelfareAllegationOut]
    version: int


class ChildWelfareReportOut(ChildWelfareReportListItemOut):
    reporter_name: str
    reporter_relationship: str
    reporter_contact: str
    concerns: str
    screening_reason: str
    referred_to: ChildWelfareOrganisationRef | None
    screened_by: StaffRef | None
    screened_at: datetime | None
    participants: list[ChildWelfareParticipantOut]
    investigation: ChildWelfareInvestigationOut | None

    @staticmethod
    def resolve_investigation(obj: Any) -> Any:
        return investigation_of(obj)


# Investigation ---------------------------------------------------------------------------------------


class ChildWelfareInvestigationStartIn(Input):
    worker_id: int | None = Field(None, description="The investigating worker; you if left out.")
    started_on: date | None = None


class ChildWelfareContactIn(Input):
    contacted_at: datetime | None = Field(None, description="Now if left out.")
    person_id: int | None = Field(None, description="Someone on record; or give collateral_name.")
    collateral_name: Text150 = Field("", description="A source outside the family, e.g. a teacher.")
    method: ContactMethod
    summary: RequiredText


class ChildWelfareFindingIn(Input):
    version: int = Field(ge=1)
    finding: Finding
    note: RequiredText = Field(description="What the finding rests on.")
    found_on: date | None = None


class ChildWelfareInvestigationCloseIn(Input):
    version: int = Field(ge=1)
    conclusion: RequiredText
    closed_on: date | None = None
