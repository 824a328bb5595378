"""Typed request and response bodies of the child-welfare API.

Class names carry a `ChildWelfare` prefix because OpenAPI components share one namespace
across every app's router. One module per section; callers keep importing from here.
"""

from __future__ import annotations

from tapestry.micro.child_welfare.schemas.placements import (
    ChildWelfareChildInCareOut,
    ChildWelfareHearingIn,
    ChildWelfareHearingOut,
    ChildWelfareHearingOutcomeIn,
    ChildWelfarePermanencyGoalIn,
    ChildWelfarePermanencyGoalOut,
    ChildWelfarePlacementEndIn,
    ChildWelfarePlacementIn,
    ChildWelfarePlacementOut,
    ChildWelfareTerminationReviewIn,
    ChildWelfareTerminationReviewOut,
)
from tapestry.micro.child_welfare.schemas.reports import (
    ChildWelfareAllegationIn,
    ChildWelfareAllegationOut,
    ChildWelfareContactIn,
    ChildWelfareContactOut,
    ChildWelfareFindingIn,
    ChildWelfareInvestigationCloseIn,
    ChildWelfareInvestigationOut,
    ChildWelfareInvestigationStartIn,
    ChildWelfareParticipantIn,
    ChildWelfareParticipantOut,
    ChildWelfareReportIn,
    ChildWelfareReportListItemOut,
    ChildWelfareReportOut,
    ChildWelfareScreeningIn,
)
from tapestry.micro.child_welfare.schemas.safety import (
    ChildWelfarePlanActionIn,
    ChildWelfarePlanActionOut,
    ChildWelfareSafetyAssessmentIn,
    ChildWelfareSafetyAssessmentOut,
    ChildWelfareSafetyPlanIn,
    ChildWelfareSafetyPlanOut,
    ChildWelfareSafetyPlanPatch,
)

__all__ = [
    "ChildWelfareAllegationIn",
    "ChildWelfareAllegationOut",
    "ChildWelfareChildInCareOut",
    "ChildWelfareContactIn",
    "ChildWelfareContactOut",
    "ChildWelfareFindingIn",
    "ChildWelfareHearingIn",
    "ChildWelfareHearingOut",
    "ChildWelfareHearingOutcomeIn",
    "ChildWelfareInvestigationCloseIn",
    "ChildWelfareInvestigationOut",
    "ChildWelfareInvestigationStartIn",
    "ChildWelfareParticipantIn",
    "ChildWelfareParticipantOut",
    "ChildWelfarePermanencyGoalIn",
    "ChildWelfarePermanencyGoalOut",
    "ChildWelfarePlacementEndIn",
    "ChildWelfarePlacementIn",
    "ChildWelfarePlacementOut",
    "ChildWelfarePlanActionIn",
    "ChildWelfarePlanActionOut",
    "ChildWelfareReportIn",
    "ChildWelfareReportListItemOut",
    "ChildWelfareReportOut",
    "ChildWelfareSafetyAssessmentIn",
    "ChildWelfareSafetyAssessmentOut",
    "ChildWelfareSafetyPlanIn",
    "ChildWelfareSafetyPlanOut",
    "ChildWelfareSafetyPlanPatch",
    "ChildWelfareScreeningIn",
    "ChildWelfareTerminationReviewIn",
    "ChildWelfareTerminationReviewOut",
]
