"""Writes of child-welfare safety: assessments, safety plans and their actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.versioning import versioned_edit
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import (
    Report,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.micro.child_welfare.services.checks import (
    _create,
    _errors_under,
    _require_case,
    _require_changeable,
    _require_person,
)
from tapestry.people.models import Person
from tapestry.web.records import create_record


@dataclass(frozen=True)
class PlanActionInput:
    action: str
    responsible_person: Person | None = None
    responsible_name: str = ""
    when: str = ""


def safety_assess(
    *,
    actor: User,
    case: Case,
    decision: str,
    protective_capacities: str,
    threats: Sequence[str] = (),
    threats_note: str = "",
    assessed_on: dt.date | None = None,
    report: Report | None = None,
) -> SafetyAssessment:
    """Record a safety assessment of the children on a case."""
    _require_case(actor, case)
    if report is not None and report.case_id != case.pk:
        raise ValidationError({"report": [gettext("Choose a report on this case.")]})
    assessment = SafetyAssessment(
        case=case,
        report=report,
        assessed_on=assessed_on or timezone.localdate(),
        assessed_by=actor,
        threats=list(dict.fromkeys(threats)),
        threats_note=threats_note,
        protective_capacities=protective_capacities,
        decision=decision,
        created_by=actor,
    )
    return create_record(
        actor,
        assessment,
        exclude=["case", "report"],
        person_id=case.person_id,
        fields=["threats", "protective_capacities", "decision", "assessed_on"],
    )


def _check_action(actor: User, action: SafetyPlanAction, prefix: str = "") -> None:
    with _errors_under(prefix):
        _require_person(actor, action.responsible_person, "responsible_person")
        action.full_clean(exclude=["plan"])


def _plan_action(plan: SafetyPlan, given: PlanActionInput) -> SafetyPlanAction:
    return SafetyPlanAction(
        plan=plan,
        action=given.action.strip(),
        responsible_person=given.responsible_person,
        responsible_name=given.responsible_name.strip(),
        when=given.when.strip(),
    )


def safety_plan_create(
    *,
    actor: User,
    assessment: SafetyAssessment,
    monitoring: str,
    review_on: dt.date,
    actions: Sequence[PlanActionInput],
) -> SafetyPlan:
    """Make the safety plan that lets a conditionally safe child stay at home."""
    _require_changeable(actor, assessment)
    if assessment.decision == SafetyAssessment.Decision.SAFE:
        raise ValidationError(
            gettext("This assessment found the child safe, so there is no safety plan to make.")
        )
    if SafetyPlan.objects.filter(assessment=assessment).exists():
        raise ValidationError(gettext("This assessment already has a safety plan; change that one instead."))
    if review_on < assessment.assessed_on:
        raise ValidationError({"review_on": [gettext("The review cannot come before the assessment.")]})
    if not actions:
        raise ValidationError(
            {"actions": [gettext("A safety plan needs at least one action, with who does it.")]}
        )
    plan = SafetyPlan(assessment=assessment, monitoring=monitoring, review_on=review_on, created_by=actor)
    plan.full_clean(exclude=["assessment"])
    drafted = [_plan_action(plan, given) for given in actions]
    for index, action in enumerate(drafted):
        _check_action(actor, action, prefix=f"actions.{index}.")
    with transaction.atomic():
        _create(
            actor, plan, person_id=assessment.case.person_id, fields=["monitoring", "review_on", "actions"]
        )
        for action in drafted:
            action.plan = plan
        SafetyPlanAction.objects.bulk_create(drafted)
    return plan


def safety_plan_update(
    *, actor: User, plan: SafetyPlan, version: int, monitoring: str, review_on: dt.date
) -> SafetyPlan:
    """Change how a safety plan is monitored and when it is reviewed; a stale version is refused."""
    _require_changeable(actor, plan)
    if review_on < plan.assessment.assessed_on:
        raise ValidationError({"review_on": [gettext("The review cannot come before the assessment.")]})
    return versioned_edit(actor, plan, version, monitoring=monitoring, review_on=review_on)


def safety_plan_action_add(*, actor: User, plan: SafetyPlan, action: PlanActionInput) -> SafetyPlanAction:
    """Add an action to a safety plan."""
    _require_changeable(actor, plan)
    drafted = _plan_action(plan, action)
    _check_action(actor, drafted)
    with transaction.atomic():
        _create(
            actor,
            drafted,
            person_id=plan.assessment.case.person_id,
            fields=["action", "responsible", "when"],
        )
    return drafted
