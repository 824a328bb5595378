"""Care plans: start and revise a plan, keep its revisions, add and change its goals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import AuditEntry, User
from tapestry.access.versioning import versioned_update
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import CarePlan, Goal, PlanRevision, Task
from tapestry.micro.casework.services.access import CLOSED, audit_on_case

GOAL_FIELDS = ("description", "measure", "target", "target_date", "status")


def plan_snapshot(plan: CarePlan) -> dict[str, Any]:
    """The plan as it stands: summary, goals with their needs, and the case's tasks (stored as JSON)."""
    goals = plan.goals.prefetch_related("needs__need").order_by("target_date", "pk")
    tasks = Task.objects.filter(case_id=plan.case_id).select_related("owner").order_by("due_on", "pk")
    return {
        "summary": plan.summary,
        "next_review_on": plan.next_review_on.isoformat() if plan.next_review_on else None,
        "goals": [
            {
                "id": goal.pk,
                "description": goal.description,
                "measure": goal.measure,
                "target": goal.target,
                "target_date": goal.target_date.isoformat(),
                "status": goal.status,
                "status_label": goal.get_status_display(),
                "needs": [
                    {"id": need.pk, "code": need.need.code, "label": need.need.label}
                    for need in goal.needs.all()
                ],
            }
            for goal in goals
        ],
        "tasks": [
            {
                "id": task.pk,
                "title": task.title,
                "goal_id": task.goal_id,
                "owner": task.owner.get_full_name() or task.owner.username,
                "due_on": task.due_on.isoformat(),
                "status": task.status,
            }
            for task in tasks
        ],
    }


def _revision_record(*, actor: User, plan: CarePlan, reason: str) -> PlanRevision:
    """Number and store a snapshot; the caller holds the plan's row lock, so numbers never clash."""
    last = plan.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = PlanRevision.objects.create(
        plan=plan, number=last + 1, snapshot=plan_snapshot(plan), reason=reason[:255], changed_by=actor
    )
    audit_on_case(actor, AuditEntry.Action.CREATE, revision, plan.case, ["snapshot", "reason"])
    return revision


def locked_plan(plan: CarePlan) -> CarePlan:
    return CarePlan.objects.select_for_update(of=("self",)).select_related("case").get(pk=plan.pk)


def _required_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(
            {"reason": [gettext("Say why the plan changes; it is kept with the plan's history.")]}
        )
    return reason.strip()


def plan_create(*, actor: User, case: Case, summary: str, next_review_on: date | None = None) -> CarePlan:
    """Start the case's care plan; its first revision records how it began."""
    require_case_write(actor, case, closed=CLOSED)
    if CarePlan.objects.filter(case=case).exists():
        raise ValidationError({"__all__": [gettext("This case already has a care plan: revise it instead.")]})
    plan = CarePlan(case=case, summary=summary.strip(), next_review_on=next_review_on, created_by=actor)
    plan.full_clean(exclude=["case"])
    if next_review_on and next_review_on < timezone.localdate():
        raise ValidationError({"next_review_on": [gettext("The first review cannot be in the past.")]})
    with transaction.atomic():
        plan.save()
        audit_on_case(actor, AuditEntry.Action.CREATE, plan, case, ["summary", "next_review_on"])
        _revision_record(actor=actor, plan=plan, reason="Plan started.")
    return plan


def plan_revise(
    *,
    actor: User,
    plan: CarePlan,
    version: int,
    summary: str,
    next_review_on: date | None,
    reason: str,
) -> CarePlan:
    """Change the plan's summary or review date; a stale version is refused, the change is kept as a revision."""
    require_case_write(actor, plan.case, closed=CLOSED)
    reason = _required_reason(reason)
    with transaction.atomic():
        before = locked_plan(plan)
        updated = versioned_update(
            actor=actor,
            instance=before,
            version=version,
            changes={"summary": summary.strip(), "next_review_on": next_review_on},
            editable=["summary", "next_review_on"],
            savepoint=False,
        )
        if updated.version != before.version:
            _revision_record(actor=actor, plan=updated, reason=reason)
    return updated


def _needs_of_case(case: Case, needs: Sequence[CaseNeed]) -> list[CaseNeed]:
    foreign = [need for need in needs if need.case_id != case.pk]
    if foreign:
        raise ValidationError({"needs": [gettext("A goal can address only needs recorded on this case.")]})
    return list(needs)


def goal_add(
    *,
    actor: User,
    case: Case,
    description: str,
    measure: str,
    target: str,
    target_date: date,
    needs: Sequence[CaseNeed] = (),
    reason: str = "",
) -> Goal:
    """Add a goal to the case's plan; the plan's history gains a revision."""
    require_case_write(actor, case, closed=CLOSED)
    plan = CarePlan.objects.filter(case=case).first()
    if plan is None:
        raise ValidationError({"__all__": [gettext("Start the care plan first: a goal belongs to a plan.")]})
    goal = Goal(plan=plan, description=description, measure=measure, target=target, target_date=target_date)
    goal.full_clean()
    needs = _needs_of_case(case, needs)
    with transaction.atomic():
        plan = locked_plan(plan)
        goal.save()
        goal.needs.set(needs)
        audit_on_case(actor, AuditEntry.Action.CREATE, goal, case, [*GOAL_FIELDS, "needs"])
        _revision_record(actor=actor, plan=plan, reason=reason.strip() or f"Goal added: {goal.description}")
    return goal


def goal_update(
    *,
    actor: User,
    goal: Goal,
    version: int,
    changes: dict[str, Any],
    reason: str,
    needs: Sequence[CaseNeed] | None = None,
) -> Goal:
    """Change a goal (a stale version is refused); the plan's history gains a revision saying why."""
    case = goal.plan.case
    require_case_write(actor, case, closed=CLOSED)
    reason = _required_reason(reason)
    if needs is not None:
        needs = _needs_of_case(case, needs)

    def set_needs(current: Goal, changed: list[str]) -> list[str]:
        if needs is None or {n.pk for n in needs} == set(current.needs.values_list("pk", flat=True)):
            return []
        current.needs.set(needs)
        return ["needs"]

    with transaction.atomic():
        plan = locked_plan(goal.plan)
        current = versioned_update(
            actor=actor,
            instance=goal,
            version=version,
            changes=changes,
            editable=GOAL_FIELDS,
            person_id=case.person_id,
            related=set_needs,
            savepoint=False,
        )
        if current.version != version:
            _revision_record(actor=actor, plan=plan, reason=reason)
    return current
