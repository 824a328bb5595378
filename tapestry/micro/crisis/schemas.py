"""Typed request and response bodies of the crisis API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints

from tapestry.micro.crisis.models import EmergencyContact, RiskLevel, RiskType
from tapestry.web.schemas import Input, StaffRef, label_of

RiskTypeValue = Literal[tuple(RiskType.values)]
RiskLevelValue = Literal[tuple(RiskLevel.values)]
EmergencyServiceValue = Literal[tuple(EmergencyContact.Service.values)]


def _aware(value: datetime | None) -> datetime | None:
    """A time without a zone is read in the agency's zone, as the pages do."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


When = Annotated[datetime, AfterValidator(_aware)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]


# Risk assessments ---------------------------------------------------------------------------


class RiskFindingIn(Input):
    risk_type: RiskTypeValue
    level: RiskLevelValue
    factors: str = Field("", description="What points to this risk; required from moderate up.")


class EmergencyContactIn(Input):
    service: EmergencyServiceValue
    contacted_at: When
    reference: Short = ""
    note: Note = ""


class RiskAssessmentIn(Input):
    assessed_at: When | None = Field(None, description="When the client was assessed; now if left out.")
    risks: list[RiskFindingIn] = Field(description="Every kind of risk exactly once, each with a level.")
    protective_factors: str = ""
    immediate_actions: str = Field("", description="Required when any risk is high or imminent.")
    emergency_contacts: list[EmergencyContactIn] = Field(default_factory=list, max_length=10)
    from_assessment_id: int | None = Field(
        None, ge=1, description="The standardised screen (e.g. a positive C-SSRS) that prompted this."
    )


class RiskFindingOut(Schema):
    risk_type: str
    risk_type_label: str = label_of("risk_type")
    level: str
    level_label: str = label_of("level")
    factors: str


class EmergencyContactOut(Schema):
    service: str
    service_label: str = label_of("service")
    contacted_at: datetime
    reference: str
    note: str


class RiskAssessmentOut(Schema):
    id: int
    case_id: int
    assessed_at: datetime
    assessed_by: StaffRef
    highest_level: str
    highest_level_label: str = label_of("highest_level")
    risks: list[RiskFindingOut] = Field(validation_alias="findings")
    protective_factors: str
    immediate_actions: str
    emergency_contacts: list[EmergencyContactOut]
    from_assessment_id: int | None = Field(validation_alias="trigger_assessment_id")
    trigger_note: str
    created_at: datetime


# Safety plans -------------------------------------------------------------------------------


class PlanContact(Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
    phone: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] = ""


class SafetyPlanIn(Input):
    """The whole plan; send the `version` you read (leave it out only when the case has no plan yet)."""

    version: int | None = Field(None, ge=1)
    warning_signs: list[Line] = Field(min_length=1, description="At least one, in the client's words.")
    internal_coping: list[Line] = Field(default_factory=list)
    social_distractions: list[Line] = Field(
        default_factory=list, description="People and social settings that take the client's mind off things."
    )
    help_contacts: list[PlanContact] = Field(default_factory=list, description="People to ask for help.")
    professional_contacts: list[PlanContact] = Field(
        min_length=1, description="Professionals, agencies and crisis lines, each with a phone number."
    )
    means_safety: list[Line] = Field(default_factory=list, description="Making the environment safe.")
    reasons_for_living: list[Line] = Field(default_factory=list)


class PlanContactOut(Schema):
    name: str
    phone: str


class SafetyPlanOut(Schema):
    id: int
    case_id: int
    version: int
    warning_signs: list[str]
    internal_coping: list[str]
    social_distractions: list[str]
    help_contacts: list[PlanContactOut]
    professional_contacts: list[PlanContactOut]
    means_safety: list[str]
    reasons_for_living: list[str]
    created_by: StaffRef
    updated_by: StaffRef
    created_at: datetime
    updated_at: datetime


# Urgent follow-ups --------------------------------------------------------------------------


class CrisisFollowUpIn(Input):
    title: Title
    details: str = ""
    due_at: When = Field(description="Within 7 days from now; usually within 24 or 72 hours.")
    owner_id: int | None = Field(None, description="Who must do it; you if left out.")
    risk_assessment_id: int | None = Field(None, description="The risk assessment it follows from.")


class FollowUpCompleteIn(Input):
    outcome: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class EscalationOut(Schema):
    escalated_at: datetime
    reason: str
    recipients: list[StaffRef]


class CrisisFollowUpOut(Schema):
    id: int
    case_id: int
    risk_assessment_id: int | None
    title: str
    details: str
    owner: StaffRef
    set_at: datetime
    due_at: datetime
    status: Literal["open", "overdue", "done"]
    done_at: datetime | None
    outcome: str
    escalation: EscalationOut | None = Field(description="Set once the deadline was missed and escalated.")

    @staticmethod
    def resolve_escalation(obj: Any) -> Any:
        return getattr(obj, "escalation", None) if hasattr(obj, "escalation") else None
