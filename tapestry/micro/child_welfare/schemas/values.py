"""The values and references every child-welfare API body shares."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from ninja import Schema
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


class ChildWelfareOrganisationRef(Schema):
    id: int
    name: str
