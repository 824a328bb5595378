"""Child welfare: reports of suspected abuse or neglect, investigations, safety, placements, court."""

from __future__ import annotations

from tapestry.micro.child_welfare.models.permanency import PermanencyGoal, TerminationReview
from tapestry.micro.child_welfare.models.placements import Hearing, Placement
from tapestry.micro.child_welfare.models.reports import (
    Allegation,
    Investigation,
    InvestigationContact,
    Report,
    ReportParticipant,
)
from tapestry.micro.child_welfare.models.safety import SafetyAssessment, SafetyPlan, SafetyPlanAction

__all__ = [
    "Allegation",
    "Hearing",
    "Investigation",
    "InvestigationContact",
    "PermanencyGoal",
    "Placement",
    "Report",
    "ReportParticipant",
    "SafetyAssessment",
    "SafetyPlan",
    "SafetyPlanAction",
    "TerminationReview",
]
