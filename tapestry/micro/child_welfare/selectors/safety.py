"""Reads of child-welfare safety assessments and plans; opens are audited."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.micro.child_welfare.models import (
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.micro.child_welfare.selectors.access import _named, _one
from tapestry.web.ids import found_or_404


def _plan_actions(user: User) -> Prefetch:
    return Prefetch(
        "plan__actions",
        queryset=SafetyPlanAction.objects.select_related("responsible_person").annotate(
            **_named(user, "responsible_person")
        ),
    )


def safety_get(*, user: User, assessment_id: int, for_change: bool = False) -> SafetyAssessment:
    """One safety assessment (with its plan, if any) for a service to act on; not audited."""
    return _one(
        user,
        SafetyAssessment.objects.select_related("case", "plan"),
        assessment_id,
        for_change=for_change,
        what=gettext("safety assessment"),
    )


def safety_detail(*, user: User, assessment_id: int, purpose: str = "child welfare") -> SafetyAssessment:
    """A safety assessment and its plan with every action; the open is audited."""
    assessment = _one(
        user,
        SafetyAssessment.objects.select_related(
            "case__person", "assessed_by", "report", "plan"
        ).prefetch_related(_plan_actions(user)),
        assessment_id,
        for_change=False,
        what=gettext("safety assessment"),
    )
    assessment.can_change = policy.visible(
        user, SafetyAssessment.objects.filter(pk=assessment.pk), for_change=True
    ).exists()
    audit_view(
        user,
        obj=assessment,
        person_id=assessment.case.person_id,
        fields=["threats", "protective_capacities", "decision", "safety_plan"],
        purpose=purpose,
    )
    return assessment


def plan_of(assessment: SafetyAssessment) -> SafetyPlan | None:
    try:
        return assessment.plan
    except SafetyPlan.DoesNotExist:
        return None


def safety_plan_get(*, user: User, assessment_id: int, for_change: bool = False) -> SafetyPlan:
    """The safety plan of an assessment; 404 if none was made. Opening it (to change it) is audited."""
    assessment = safety_get(user=user, assessment_id=assessment_id, for_change=for_change)
    plan = found_or_404(plan_of(assessment), gettext("This assessment has no safety plan yet."))
    audit_view(
        user,
        obj=plan,
        person_id=assessment.case.person_id,
        fields=["monitoring", "review_on", "actions"],
        purpose="safety plan",
    )
    return plan
