"""Bodies of the child-welfare placement, hearing and permanency routes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from tapestry.micro.child_welfare.schemas.values import (
    ChildWelfareOrganisationRef,
    HearingType,
    LegalAuthority,
    PermanencyGoalType,
    PlacementType,
    RequiredText,
    Text,
    Text150,
    TprDecision,
)
from tapestry.web.schemas import Input, PersonRef, shown_if

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

    resolve_carer_person = shown_if("carer_person", "carer_person_nameable")


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
    placement_id: int = Field(description="The current placement.", validation_alias="placement.pk")
    legal_authority: str = Field(
        description="Of the current placement; empty when the basis was an unsafe finding.",
        validation_alias="placement.legal_authority",
    )
    authority_on: date | None = Field(validation_alias="placement.authority_on")
    removed_on: date = Field(
        description="Start of the current stay in care.", validation_alias="episode.removed_on"
    )
    adjudicated_on: date | None = Field(
        description="First adjudication hearing with an outcome in this stay.",
        validation_alias="episode.adjudicated_on",
    )
    entered_care_on: date = Field(
        description="42 U.S.C. 675(5)(F): the earlier of adjudication and removal + 60 days.",
        validation_alias="episode.entered_care_on",
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
