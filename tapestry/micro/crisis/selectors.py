"""Reads of crisis records, starting from the access policy; every open of a clinical record is audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy

from tapestry.access import policy
from tapestry.access.models import Role, TeamMembership, User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get, case_read_audit
from tapestry.micro.crisis.models import (
    EmergencyContact,
    Escalation,
    FollowUp,
    RiskAssessment,
    RiskFinding,
    SafetyPlan,
)


def _assessments() -> QuerySet[RiskAssessment]:
    return RiskAssessment.objects.select_related("assessed_by", "case__person").prefetch_related(
        Prefetch("findings", queryset=RiskFinding.objects.order_by("id")),
        Prefetch("emergency_contacts", queryset=EmergencyContact.objects.order_by("contacted_at", "id")),
    )


def _follow_ups(user: User) -> QuerySet[FollowUp]:
    return (
        policy.visible(user, FollowUp.objects.all())
        .select_related("owner", "done_by", "escalation", "case__person")
        .prefetch_related("escalation__recipients")
    )


def risk_assessments_for_case(*, user: User, case: Case, purpose: str = "case work") -> list[RiskAssessment]:
    """A case's risk assessments, newest first, with findings and emergency contacts; the read is audited."""
    assessments = list(policy.visible(user, _assessments()).filter(case=case))
    case_read_audit(user, case, ["risk_assessments"], purpose=purpose)
    return assessments


def risk_assessment_get(*, user: User, risk_assessment_id: int) -> RiskAssessment:
    """One assessment the user may open (unaudited: for linking a follow-up to it)."""
    return policy.one_in_reach(
        user,
        _assessments(),
        risk_assessment_id,
        missing="No risk assessment with this number.",
        detail=gettext_lazy(
            "This risk assessment is outside your caseload, or in a segment you are not granted."
        ),
    )


def risk_assessment_detail(
    *, user: User, risk_assessment_id: int, purpose: str = "case work"
) -> RiskAssessment:
    """One risk assessment as its page shows it, with the follow-ups set from it; the open is audited."""
    assessment = risk_assessment_get(user=user, risk_assessment_id=risk_assessment_id)
    assessment.follow_ups_shown = list(_follow_ups(user).filter(risk_assessment=assessment))
    case_read_audit(
        user,
        assessment.case,
        ["risks", "protective_factors", "immediate_actions", "emergency_contacts"],
        purpose=purpose,
        obj=assessment,
    )
    return assessment


def safety_plan_of(*, user: User, case: Case) -> SafetyPlan | None:
    """The case's plan if the user may see it (unaudited: for the edit form, which audits its own open)."""
    return policy.visible(user, SafetyPlan.objects.filter(case=case)).select_related("updated_by").first()


def safety_plan_detail(*, user: User, case: Case, purpose: str = "case work") -> SafetyPlan | None:
    """The case's safety plan, or None if it has none yet; the open is audited either way."""
    plan = safety_plan_of(user=user, case=case)
    case_read_audit(user, case, list(SafetyPlan.SECTIONS), purpose=purpose, obj=plan)
    return plan


def follow_ups_for_case(*, user: User, case: Case, purpose: str = "case work") -> list[FollowUp]:
    """A case's urgent follow-ups, open ones first by deadline; the read is audited."""
    follow_ups = list(_follow_ups(user).filter(case=case).order_by("done_at", "due_at", "id"))
    case_read_audit(user, case, ["urgent_follow_ups"], purpose=purpose)
    return follow_ups


def follow_up_get(*, user: User, follow_up_id: int, for_change: bool = False) -> FollowUp:
    return policy.one_in_reach(
        user,
        FollowUp.objects.select_related("case__person", "owner", "escalation"),
        follow_up_id,
        for_change=for_change,
        missing="No follow-up with this number.",
        detail=gettext_lazy("This follow-up is outside your caseload, or in a segment you are not granted."),
    )


def follow_up_detail(
    *, user: User, follow_up_id: int, for_change: bool = False, purpose: str = "case work"
) -> FollowUp:
    """One follow-up as its page shows it; the open is audited."""
    follow_up = follow_up_get(user=user, follow_up_id=follow_up_id, for_change=for_change)
    case_read_audit(user, follow_up.case, ["title", "details", "outcome"], purpose=purpose, obj=follow_up)
    return follow_up


@dataclass
class CrisisOverview:
    """Everything on a case's crisis page."""

    case: Case
    assessments: list[RiskAssessment]
    safety_plan: SafetyPlan | None
    follow_ups: list[FollowUp]
    can_change: bool


def crisis_overview(*, user: User, case_id: int, purpose: str = "case work") -> CrisisOverview:
    """A case's crisis work in a fixed number of queries; the open is audited once."""
    case = case_get(user=user, case_id=case_id)
    assessments = list(policy.visible(user, _assessments()).filter(case=case))
    follow_ups = list(_follow_ups(user).filter(case=case).order_by("done_at", "due_at", "id"))
    plan = safety_plan_of(user=user, case=case)
    case_read_audit(user, case, ["risk_assessments", "safety_plan", "urgent_follow_ups"], purpose=purpose)
    can_change = policy.visible(user, Case.objects.filter(pk=case.pk), for_change=True).exists()
    return CrisisOverview(case, assessments, plan, follow_ups, can_change)


def active_staff(staff_id: int) -> User | None:
    return User.objects.filter(pk=staff_id, is_active=True).first()


def follow_up_owner_choices(*, user: User, case: Case) -> QuerySet[User]:
    """Staff a follow-up could go to: the user, the case worker, team-mates and supervisors around them."""
    teams = TeamMembership.objects.filter(user=user).values("team_id")
    return (
        User.objects.filter(
            Q(pk=user.pk)
            | Q(pk=case.worker_id)
            | Q(team_memberships__team_id__in=teams)
            | Q(pk=user.supervisor_id)
            | Q(supervisor=user),
            is_active=True,
        )
        .exclude(role__in=[Role.AUDITOR, Role.ADMINISTRATOR])
        .distinct()
    )


def escalations_to(*, user: User) -> list[Escalation]:
    """Open escalations raised to this supervisor, including clients outside their caseload (flagged)."""
    escalations = list(
        Escalation.objects.filter(recipients=user, follow_up__done_at__isnull=True)
        .select_related("follow_up__case__person", "follow_up__owner")
        .order_by("-escalated_at", "-id")
    )
    reachable = set(
        policy.visible(
            user, Case.objects.filter(pk__in=[e.follow_up.case_id for e in escalations])
        ).values_list("pk", flat=True)
    )
    for escalation in escalations:
        escalation.case_visible = escalation.follow_up.case_id in reachable
    return escalations
