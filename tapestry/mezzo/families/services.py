"""Every write of family plans: start and revise, goals for the family, and referrals from a goal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.directory.models import Service
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan, FamilyPlanRevision
from tapestry.mezzo.families.selectors import household_members
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.services.access import audit_on_case
from tapestry.micro.referrals import services as referral_services
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Need
from tapestry.people.models import Person

PLAN_FIELDS = ("strengths", "concerns", "next_review_on")
GOAL_FIELDS = ("description", "need", "target_date", "status", "status_note")
NO_HOUSEHOLD = gettext_lazy(
    "This case is not about a household yet, so it cannot have a family plan. "
    "Choose the household on the case first."
)


# Access -------------------------------------------------------------------------------------


CLOSED = gettext_lazy("This case is closed. Reopen it first to change its family plan.")


# History ------------------------------------------------------------------------------------


def plan_snapshot(plan: FamilyPlan) -> dict[str, Any]:
    """The plan as it stands: strengths, concerns, review date and goals (stored as JSON)."""
    goals = (
        plan.goals.select_related("need")
        .prefetch_related("members", "referrals")
        .order_by("target_date", "pk")
    )
    return {
        "strengths": plan.strengths,
        "concerns": plan.concerns,
        "next_review_on": plan.next_review_on.isoformat() if plan.next_review_on else None,
        "goals": [
            {
                "id": goal.pk,
                "description": goal.description,
                "need": goal.need.code if goal.need else None,
                "target_date": goal.target_date.isoformat(),
                "status": goal.status,
                "status_note": goal.status_note,
                "member_ids": sorted(member.pk for member in goal.members.all()),
                "referral_ids": sorted(referral.pk for referral in goal.referrals.all()),
            }
            for goal in goals
        ],
    }


def _revision_record(*, actor: User, plan: FamilyPlan, reason: str) -> FamilyPlanRevision:
    """Number and store a snapshot; the caller holds the plan's row lock, so numbers never clash."""
    last = plan.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = FamilyPlanRevision.objects.create(
        plan=plan, number=last + 1, snapshot=plan_snapshot(plan), reason=reason[:255], changed_by=actor
    )
    audit_on_case(actor, AuditEntry.Action.CREATE, revision, plan.case, ["snapshot", "reason"])
    return revision


def _locked(plan: FamilyPlan) -> FamilyPlan:
    return FamilyPlan.objects.select_for_update(of=("self",)).select_related("case").get(pk=plan.pk)


# The plan -----------------------------------------------------------------------------------


def _check_text(strengths: str, concerns: str) -> None:
    errors = {}
    if not strengths.strip():
        errors["strengths"] = [gettext("Say what the family does well: a plan builds on strengths.")]
    if not concerns.strip():
        errors["concerns"] = [gettext("Say what the family and you are concerned about.")]
    if errors:
        raise ValidationError(errors)


def family_plan_start(
    *, actor: User, case: Case, strengths: str, concerns: str, next_review_on: dt.date | None = None
) -> FamilyPlan:
    """Start the family plan of a case about a household; its first revision records how it began."""
    require_case_write(actor, case, closed=CLOSED)
    if case.household_id is None:
        raise ValidationError({"__all__": [NO_HOUSEHOLD]})
    if FamilyPlan.objects.filter(case=case).exists():
        raise ValidationError({"__all__": [gettext("This case already has a family plan: change that one.")]})
    _check_text(strengths, concerns)
    plan = FamilyPlan(
        case=case,
        strengths=strengths.strip(),
        concerns=concerns.strip(),
        next_review_on=next_review_on,
        created_by=actor,
    )
    plan.full_clean(exclude=["case"])
    with transaction.atomic():
        plan.save()
        audit_on_case(actor, AuditEntry.Action.CREATE, plan, case, PLAN_FIELDS)
        _revision_record(actor=actor, plan=plan, reason="Family plan started.")
    return plan


def family_plan_revise(
    *,
    actor: User,
    plan: FamilyPlan,
    version: int,
    strengths: str,
    concerns: str,
    next_review_on: dt.date | None,
    reason: str = "",
) -> FamilyPlan:
    """Change strengths, concerns or the review date; a stale version is refused, the change kept as a revision."""
    case = plan.case
    require_case_write(actor, case, closed=CLOSED)
    _check_text(strengths, concerns)
    changes = {"strengths": strengths.strip(), "concerns": concerns.strip(), "next_review_on": next_review_on}
    with transaction.atomic():
        current = _locked(plan)
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        if changed:
            for name in changed:
                setattr(current, name, changes[name])
            current.version += 1
            current.save()
            audit_on_case(actor, AuditEntry.Action.UPDATE, current, case, changed)
            labels = ", ".join(FamilyPlan._meta.get_field(name).verbose_name for name in changed)
            _revision_record(actor=actor, plan=current, reason=reason.strip() or f"Changed: {labels}.")
    return current


# Goals --------------------------------------------------------------------------------------


def _check_members(case: Case, members: Sequence[Person]) -> list[Person]:
    living = {member.person_id for member in household_members(case=case)}
    if any(person.pk not in living for person in members):
        raise ValidationError({"members": [gettext("Choose people who live in the family's household.")]})
    return list(members)


def family_goal_add(
    *,
    actor: User,
    plan: FamilyPlan,
    description: str,
    target_date: dt.date,
    need: Need | None = None,
    members: Sequence[Person] = (),
) -> FamilyGoal:
    """Add a goal for the family; the plan's history gains a revision."""
    case = plan.case
    require_case_write(actor, case, closed=CLOSED)
    goal = FamilyGoal(plan=plan, description=description.strip(), need=need, target_date=target_date)
    goal.full_clean()
    members = _check_members(case, members)
    with transaction.atomic():
        plan = _locked(plan)
        goal.save()
        goal.members.set(members)
        audit_on_case(actor, AuditEntry.Action.CREATE, goal, case, [*GOAL_FIELDS, "members"])
        _revision_record(actor=actor, plan=plan, reason=f"Goal added: {goal.description}")
    return goal


def family_goal_update(
    *,
    actor: User,
    goal: FamilyGoal,
    version: int,
    changes: dict[str, Any],
    members: Sequence[Person] | None = None,
) -> FamilyGoal:
    """Change a goal or mark it met or not met (with a note); a stale version is refused."""
    case = goal.plan.case
    require_case_write(actor, case, closed=CLOSED)
    unknown = set(changes) - set(GOAL_FIELDS)
    if unknown:
        raise ValidationError(
            {name: [gettext("This field cannot be changed here.")] for name in sorted(unknown)}
        )
    if members is not None:
        members = _check_members(case, members)
    with transaction.atomic():
        plan = _locked(goal.plan)
        current = FamilyGoal.objects.select_for_update().get(pk=goal.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, changes[name])
        if current.status == FamilyGoal.Status.ACTIVE and "status" in changed:
            current.status_note = changes.get("status_note", "")
        current.full_clean()
        if members is not None and {p.pk for p in members} != set(
            current.members.values_list("pk", flat=True)
        ):
            current.members.set(members)
            changed.append("members")
        if changed:
            current.version += 1
            current.save()
            audit_on_case(actor, AuditEntry.Action.UPDATE, current, case, changed)
            if "status" in changed:
                reason = f"Goal {current.get_status_display().lower()}: {current.description}"
            else:
                reason = f"Goal changed: {current.description}"
            _revision_record(actor=actor, plan=plan, reason=reason)
    return current


# Referrals from a goal ----------------------------------------------------------------------


def family_goal_referral_create(
    *,
    actor: User,
    goal: FamilyGoal,
    service: Service,
    reason: str,
    urgency: str = Referral.Urgency.ROUTINE,
    parts: Iterable[str] = ("identity",),
    send_now: bool = False,
) -> Referral:
    """Refer the case to a directory service for this goal, through the referrals service.

    Recording and sending are the referrals app's own steps (sending runs its consent check).
    All of it is one transaction: when the check refuses to send, nothing is kept, so the
    worker fixes the consent and tries again rather than finding a stray draft.
    """
    case = goal.plan.case
    # Whether the actor may write to the case is the referrals service's own check.
    if case.status == Case.Status.CLOSED:
        raise ValidationError({"__all__": [CLOSED]})
    if goal.status != FamilyGoal.Status.ACTIVE:
        raise ValidationError(
            {"__all__": [gettext("This goal is closed; refer the family for a goal in progress.")]}
        )
    case_needs = list(CaseNeed.objects.filter(case=case, need_id=goal.need_id)) if goal.need_id else []
    with transaction.atomic():
        referral = referral_services.referral_create(
            actor=actor,
            case=case,
            service=service,
            reason=reason,
            urgency=urgency,
            case_needs=case_needs,
            parts=parts,
        )
        if send_now:
            referral = referral_services.referral_send(
                actor=actor, referral=referral, version=referral.version
            )
        plan = _locked(goal.plan)
        goal.referrals.add(referral)
        audit_on_case(actor, AuditEntry.Action.UPDATE, goal, case, ["referrals"])
        _revision_record(actor=actor, plan=plan, reason=f"Referral to {service.name} for: {goal.description}")
    return referral
