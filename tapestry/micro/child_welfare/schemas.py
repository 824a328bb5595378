"""Typed request and response bodies of the child-welfare API.

Class names carry a `ChildWelfare` prefix because OpenAPI components share one namespace
across every app's router.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    InvestigationContact,
    Placement,
    Report,
    ReportParticipant,
    SafetyAssessment,
)
from tapestry.micro.child_welfare.models.permanency import PermanencyGoal, TerminationReview
from tapestry.micro.child_welfare.selectors import investigation_of, plan_of
from tapestry.people.mentions import ref_or_none
from tapestry.web.schemas import Input, PersonRef, StaffRef

ReceivedVia = Literal[tuple(Report.ReceivedVia.values)]
ReporterType = Literal[tuple(Report.ReporterType.values)]
Priority = Literal[tuple(Report.Priority.values)]
Decision = Literal["screened_in", "screened_out", "referred"]
ParticipantRole = Literal[tuple(ReportParticipant.Role.values)]
Maltreatment = Literal[tuple(Allegation.Maltreatment.values)]
Finding = Literal["substantiated", "unsubstantiated", "inconclusive"]
ContactMethod = Literal[tuple(InvestigationContact.Method.values)]
Threat = Literal[tuple(SafetyAssessment.Threat.values)]
SafetyDecision = Literal[tuple(SafetyAssessment.Decision.values)]
PlacementType = Literal[tuple(Placement.Type.values)]
HearingType = Literal[tuple(Hearing.Type.values)]
LegalAuthority = Literal[tuple(Placement.Authority.values)]
PermanencyGoalType = Literal[tuple(PermanencyGoal.Goal.values)]
TprDecision = Literal[tuple(TerminationReview.Decision.values)]


def _text(max_length: int | None = None, *, required: bool = False) -> Any:
    return Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1 if required else 0, max_length=max_length)
    ]


Text = _text()
Text150 = _text(150)
Text255 = _text(255)
RequiredText = _text(required=True)
RequiredText255 = _text(255, required=True)


def _named_ref(obj: Any, field: str) -> Any:
    """The person in `obj.<field>` for a PersonRef, or None when the selector did not mark them nameable."""
    return ref_or_none(getattr(obj, field), getattr(obj, f"{field}_nameable", False))


class ChildWelfareOrganisationRef(Schema):
    id: int
    name: str


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
    maltreatment_label: str
    alleged_perpetrator: PersonRef | None = Field(
        description="Null when not known, or outside the caller's reach."
    )
    description: str
    finding: str = Field(description="Empty until the investigation records one.")
    finding_note: str
    found_on: date | None
    version: int

    @staticmethod
    def resolve_child(obj: Any) -> Any:
        return _named_ref(obj, "child")

    @staticmethod
    def resolve_alleged_perpetrator(obj: Any) -> Any:
        return _named_ref(obj, "alleged_perpetrator")

    @staticmethod
    def resolve_maltreatment_label(obj: Any) -> str:
        return obj.get_maltreatment_display()


class ChildWelfareParticipantOut(Schema):
    id: int
    person: PersonRef | None = Field(description="Null when outside the caller's reach.")
    role: str
    note: str

    @staticmethod
    def resolve_person(obj: Any) -> Any:
        return _named_ref(obj, "person")


class ChildWelfareContactOut(Schema):
    id: int
    contacted_at: datetime
    person: PersonRef | None = Field(
        description="Null for a collateral contact, or outside the caller's reach."
    )
    collateral_name: str
    method: str
    summary: str

    @staticmethod
    def resolve_person(obj: Any) -> Any:
        return _named_ref(obj, "person")


class ChildWelfareInvestigationOut(Schema):
    id: int
    report_id: int
    worker: StaffRef
    started_on: date
    closed_on: date | None
    conclusion: str
    version: int
    contacts: list[ChildWelfareContactOut]

    @staticmethod
    def resolve_contacts(obj: Any) -> Any:
        return obj.contacts.all()


class ChildWelfareReportListItemOut(Schema):
    id: int
    number: str
    case_id: int
    received_at: datetime
    received_via: str
    reporter_type: str
    mandated_reporter: bool
    reporter_confidential: bool
    response_priority: str
    respond_by: datetime
    overdue: bool = Field(description="Still awaiting screening past its response priority.")
    screening: str
    allegations: list[ChildWelfareAllegationOut]
    version: int

    @staticmethod
    def resolve_mandated_reporter(obj: Any) -> bool:
        return obj.is_mandated_reporter

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_allegations(obj: Any) -> Any:
        return obj.allegations.all()


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
    def resolve_participants(obj: Any) -> Any:
        return obj.participants.all()

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


# Safety --------------------------------------------------------------------------------------------


class ChildWelfarePlanActionIn(Input):
    action: RequiredText255
    responsible_person_id: int | None = None
    responsible_name: Text150 = Field("", description="Someone not on record, e.g. 'Health visitor'.")
    when: Text150 = ""


class ChildWelfareSafetyAssessmentIn(Input):
    assessed_on: date | None = None
    report_id: int | None = None
    threats: list[Threat] = Field(default_factory=list)
    threats_note: Text = ""
    protective_capacities: RequiredText
    decision: SafetyDecision


class ChildWelfareSafetyPlanIn(Input):
    monitoring: RequiredText
    review_on: date
    actions: list[ChildWelfarePlanActionIn] = Field(min_length=1)


class ChildWelfareSafetyPlanPatch(Input):
    version: int = Field(ge=1)
    monitoring: RequiredText
    review_on: date


class ChildWelfarePlanActionOut(Schema):
    id: int
    action: str
    responsible_person: PersonRef | None = Field(
        description="Null when not on record, or outside the caller's reach."
    )
    responsible_name: str
    when: str

    @staticmethod
    def resolve_responsible_person(obj: Any) -> Any:
        return _named_ref(obj, "responsible_person")


class ChildWelfareSafetyPlanOut(Schema):
    id: int
    monitoring: str
    review_on: date
    version: int
    actions: list[ChildWelfarePlanActionOut]

    @staticmethod
    def resolve_actions(obj: Any) -> Any:
        return obj.actions.all()


class ChildWelfareSafetyAssessmentOut(Schema):
    id: int
    case_id: int
    report_id: int | None
    assessed_on: date
    assessed_by: StaffRef
    threats: list[str]
    threats_note: str
    protective_capacities: str
    decision: str
    version: int
    plan: ChildWelfareSafetyPlanOut | None

    @staticmethod
    def resolve_plan(obj: Any) -> Any:
        return plan_of(obj)


# Placements and hearings --------------------------------------------------------------------------------


class ChildWelfarePlacementIn(Input):
    child_id: int
    placement_type: PlacementType
    carer_person_id: int | None = None
    carer_organisation_id: int | None = Field(None, description="A fostering agency or residential provider.")
    started_on: date
    reason: RequiredText
    end_current: bool = Field(
        False, description="End the child's current placement on started_on (a move), with change_reason."
    )
    change_reason: Text = ""
    legal_authority: LegalAuthority = Field(
        "",
        description=(
            "court_order, voluntary_agreement or emergency_custody; needed unless the case's latest safety "
            "assessment on or before started_on found the child unsafe."
        ),
    )
    authority_on: date | None = Field(None, description="Date of the order, agreement or custody.")
    authority_reference: Text150 = ""


class ChildWelfarePlacementEndIn(Input):
    version: int = Field(ge=1)
    ended_on: date
    end_reason: RequiredText


class ChildWelfarePlacementOut(Schema):
    id: int
    case_id: int
    child: PersonRef
    placement_type: str
    carer_person: PersonRef | None = Field(description="Null when none, or when outside the caller's reach.")
    carer_organisation: ChildWelfareOrganisationRef | None
    started_on: date
    ended_on: date | None
    reason: str
    end_reason: str
    legal_authority: str
    authority_on: date | None
    authority_reference: str
    version: int

    @staticmethod
    def resolve_carer_person(obj: Any) -> Any:
        return _named_ref(obj, "carer_person")


class ChildWelfareHearingIn(Input):
    court_id: int
    hearing_type: HearingType
    scheduled_at: datetime
    child_id: int | None = Field(
        None, description="Leave out when the hearing concerns every child on the case."
    )


class ChildWelfareHearingOutcomeIn(Input):
    version: int = Field(ge=1)
    outcome: RequiredText
    next_hearing_on: date | None = None


class ChildWelfareHearingOut(Schema):
    id: int
    case_id: int
    child: PersonRef | None
    court: ChildWelfareOrganisationRef
    hearing_type: str
    scheduled_at: datetime
    outcome: str
    next_hearing_on: date | None
    version: int


# Permanency and the federal clocks ------------------------------------------------------------------------


class ChildWelfarePermanencyGoalIn(Input):
    child_id: int
    goal: PermanencyGoalType
    concurrent_goal: PermanencyGoalType | Literal[""] = Field(
        "", description="The concurrent plan; a different goal from `goal`."
    )
    set_on: date | None = Field(None, description="Defaults to today.")
    reason: RequiredText


class ChildWelfarePermanencyGoalOut(Schema):
    id: int
    case_id: int
    child: PersonRef
    goal: str
    concurrent_goal: str
    set_on: date
    reason: str
    version: int


class ChildWelfareTerminationReviewIn(Input):
    child_id: int
    decision: TprDecision
    decided_on: date | None = Field(None, description="Defaults to today.")
    explanation: RequiredText


class ChildWelfareTerminationReviewOut(Schema):
    id: int
    case_id: int
    child: PersonRef
    decision: str
    decided_on: date
    explanation: str
    version: int


class ChildWelfareChildInCareOut(Schema):
    """A child with an open placement on the case and the federal clocks (read-only, computed)."""

    child: PersonRef
    case_id: int
    placement_id: int = Field(description="The current placement.")
    legal_authority: str = Field(
        description="Of the current placement; empty when the basis was an unsafe finding."
    )
    authority_on: date | None
    removed_on: date = Field(description="Start of the current stay in care.")
    adjudicated_on: date | None = Field(
        description="First adjudication hearing with an outcome in this stay."
    )
    entered_care_on: date = Field(
        description="42 U.S.C. 675(5)(F): the earlier of adjudication and removal + 60 days."
    )
    last_permanency_hearing_on: date | None
    permanency_hearing_due: date = Field(
        description="42 U.S.C. 675(5)(C): 12 months after entering care or the last one."
    )
    permanency_status: str = Field(description="'overdue', 'due_soon' (within 60 days) or ''.")
    days_in_care_last_22_months: int
    months_in_care_last_22_months: float
    tpr_due: date = Field(
        description="42 U.S.C. 675(5)(E): the day 15 of the last 22 months is (or will be) reached."
    )
    tpr_reached: bool
    tpr_status: str = Field(description="'' once a petition or exception is recorded in this stay.")
    termination_review: ChildWelfareTerminationReviewOut | None
    goal: ChildWelfarePermanencyGoalOut | None

    @staticmethod
    def resolve_placement_id(obj: Any) -> int:
        return obj.placement.pk

    @staticmethod
    def resolve_legal_authority(obj: Any) -> str:
        return obj.placement.legal_authority

    @staticmethod
    def resolve_authority_on(obj: Any) -> date | None:
        return obj.placement.authority_on

    @staticmethod
    def resolve_removed_on(obj: Any) -> date:
        return obj.episode.removed_on

    @staticmethod
    def resolve_adjudicated_on(obj: Any) -> date | None:
        return obj.episode.adjudicated_on

    @staticmethod
    def resolve_entered_care_on(obj: Any) -> date:
        return obj.episode.entered_care_on
