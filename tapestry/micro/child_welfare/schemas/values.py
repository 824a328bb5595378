"""The values and references every child-welfare API body shares."""

from __future__ import annotations

from typing import Literal

from ninja import Schema

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
from tapestry.web.schemas import stripped_text

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


Text = stripped_text()
Text150 = stripped_text(150)
Text255 = stripped_text(255)
RequiredText = stripped_text(required=True)
RequiredText255 = stripped_text(255, required=True)


class ChildWelfareOrganisationRef(Schema):
    id: int
    name: str
