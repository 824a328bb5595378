"""Test helpers for crisis work: a crisis case, a recorded assessment, a plan, a follow-up."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.crisis.models import FollowUp, RiskAssessment, RiskLevel, RiskType, SafetyPlan
from tapestry.micro.crisis.services import (
    FindingInput,
    follow_up_set,
    risk_assessment_record,
    safety_plan_save,
)
from tapestry.testing import open_case

PLAN = {
    "warning_signs": ["Not sleeping", "Pulling away from friends"],
    "internal_coping": ["Walk the dog"],
    "social_distractions": ["Library café"],
    "help_contacts": [{"name": "Ana (sister)", "phone": "555-0142"}],
    "professional_contacts": [{"name": "Crisis line", "phone": "988"}],
    "means_safety": ["Sister holds the medicines"],
    "reasons_for_living": ["My nephews"],
}


def crisis_case(worker: User, **fields: object) -> Case:
    return open_case(worker, case_type="crisis", **fields)


def findings(**levels: str) -> list[FindingInput]:
    """Every risk type at `none` except those given; factors are filled in where the level needs them."""
    return [
        FindingInput(kind, levels.get(kind, RiskLevel.NONE), "Seen at interview." if kind in levels else "")
        for kind in RiskType.values
    ]


def assess(worker: User, case: Case, *, at: datetime | None = None, **levels: str) -> RiskAssessment:
    urgent = any(level in ("high", "imminent") for level in levels.values())
    return risk_assessment_record(
        actor=worker,
        case=case,
        findings=findings(**levels),
        immediate_actions="Stayed with the client; sister came over." if urgent else "",
        assessed_at=at,
    )


def plan(worker: User, case: Case) -> SafetyPlan:
    return safety_plan_save(actor=worker, case=case, version=None, sections=dict(PLAN))[0]


def follow_up(
    worker: User, case: Case, *, hours: float = 24, owner: User | None = None, set_hours_ago: float = 0
) -> FollowUp:
    """A follow-up due `hours` after it was set, set `set_hours_ago` hours ago (so it can be overdue)."""
    set_at = timezone.now() - timedelta(hours=set_hours_ago)
    return follow_up_set(
        actor=worker,
        case=case,
        title="Call back to check on safety",
        due_at=set_at + timedelta(hours=hours),
        owner=owner,
        set_at=set_at,
    )


def overdue_follow_up(worker: User, case: Case, *, owner: User | None = None) -> FollowUp:
    return follow_up(worker, case, hours=24, owner=owner, set_hours_ago=30)
