"""API routes of family plans: the plan of a case, goals for the family, referrals from a goal."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from tapestry.access.models import User
from tapestry.mezzo.families import selectors, services
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.mezzo.families.schemas import (
    FamilyGoalIn,
    FamilyGoalOut,
    FamilyGoalPatch,
    FamilyPlanIn,
    FamilyPlanOut,
    FamilyReferralIn,
    FamilyReferralOut,
)
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import need_by_code
from tapestry.micro.referrals.models import Referral
from tapestry.people.models import Person
from tapestry.web.ids import found_or_404, resolve_ids
from tapestry.web.schemas import created, error_responses, purpose_query, refuse_nulls

router = Router(tags=["family plans"])


def _plan_out(user: User, case: Case, purpose: str = "case work", *, audit: bool = True) -> FamilyPlan:
    return found_or_404(
        selectors.family_plan_detail(user=user, case=case, purpose=purpose, audit=audit),
        "This case has no family plan yet.",
    )


def _members(case: Case, ids: list[int]) -> list[Person]:
    living = {member.person_id: member.person for member in selectors.household_members(case=case)}
    if any(pk not in living for pk in ids):
        raise ValidationError({"member_ids": ["Choose people who live in the family's household."]})
    return [living[pk] for pk in dict.fromkeys(ids)]


@router.get(
    "/cases/{case_id}/family-plan",
    response={200: FamilyPlanOut, **error_responses(404, 422)},
    summary="Open a case's family plan",
    description="Strengths, concerns, goals for the family with their referrals, and the plan's history. Audited.",
)
def family_plan_detail(
    request: HttpRequest, case_id: int, purpose: str = purpose_query("the plan")
) -> FamilyPlan:
    case = selectors.family_case(user=request.user, case_id=case_id)
    return _plan_out(request.user, case, purpose)


@router.put(
    "/cases/{case_id}/family-plan",
    response={200: FamilyPlanOut, 201: FamilyPlanOut, **error_responses(400, 404, 409, 422)},
    summary="Start or change a case's family plan",
    description=(
        "With `version` 0 this starts the plan (201; the case must be about a household). Otherwise send the "
        "version you read (200); a stale one is refused with 409. Each change is kept as a revision."
    ),
)
def family_plan_save(request: HttpRequest, case_id: int, payload: FamilyPlanIn) -> Status:
    case = selectors.family_case(user=request.user, case_id=case_id, for_change=True)
    plan = selectors.plan_of(case=case)
    if payload.version == 0:
        if plan is not None:
            raise ValidationError(
                {"version": [f"This case already has a family plan, at version {plan.version}."]}
            )
        services.family_plan_start(
            actor=request.user, case=case, **payload.model_dump(exclude={"version", "reason"})
        )
        return Status(201, _plan_out(request.user, case, audit=False))
    if plan is None:
        raise ValidationError({"version": ["This case has no family plan yet: send version 0 to start it."]})
    services.family_plan_revise(actor=request.user, plan=plan, **payload.model_dump())
    return Status(200, _plan_out(request.user, case, audit=False))


@created(router, "/cases/{case_id}/family-plan/goals", FamilyGoalOut, summary="Add a goal for the family")
def family_goal_create(request: HttpRequest, case_id: int, payload: FamilyGoalIn) -> FamilyGoal:
    case = selectors.family_case(user=request.user, case_id=case_id, for_change=True)
    plan = selectors.plan_of(case=case)
    if plan is None:
        raise ValidationError({"__all__": ["Start the family plan first: a goal belongs to a plan."]})
    goal = services.family_goal_add(
        actor=request.user,
        plan=plan,
        **payload.model_dump(include={"description", "target_date"}),
        need=need_by_code(payload.need) if payload.need else None,
        members=_members(case, payload.member_ids),
    )
    return selectors.family_goal_get(user=request.user, goal_id=goal.pk)


@router.patch(
    "/family-goals/{goal_id}",
    response={200: FamilyGoalOut, **error_responses(400, 404, 409, 422)},
    summary="Change a family goal, or mark it met or not met",
    description="Send the `version` you read. Met or not met needs a `status_note`.",
)
def family_goal_update(request: HttpRequest, goal_id: int, payload: FamilyGoalPatch) -> object:
    goal = selectors.family_goal_get(user=request.user, goal_id=goal_id, for_change=True)
    sent = payload.model_dump(exclude_unset=True, exclude={"version", "member_ids"})
    refuse_nulls(sent, ("description", "target_date", "status"))
    if "need" in sent:
        sent["need"] = need_by_code(sent["need"]) if sent["need"] else None
    if "status_note" in sent:
        sent["status_note"] = sent["status_note"] or ""
    members = _members(goal.plan.case, payload.member_ids) if payload.member_ids is not None else None
    services.family_goal_update(
        actor=request.user, goal=goal, version=payload.version, changes=sent, members=members
    )
    return selectors.family_goal_get(user=request.user, goal_id=goal.pk)


@created(
    router,
    "/family-goals/{goal_id}/referrals",
    FamilyReferralOut,
    errors=(400, 404, 409, 422),
    summary="Refer the family to a service for a goal",
    description=(
        "Records a referral of the case to a directory service (as POST /cases/{case_id}/referrals does) and "
        "links it to the goal. With `send`, the consent check runs first; without consent nothing is saved."
    ),
)
def family_goal_referral_create(request: HttpRequest, goal_id: int, payload: FamilyReferralIn) -> Referral:
    goal = selectors.family_goal_get(user=request.user, goal_id=goal_id, for_change=True)
    data = resolve_ids(
        payload.model_dump(exclude={"send"}),
        {"service_id": (selectors.service_by_id, "No service with this number in the directory.")},
    )
    referral = services.family_goal_referral_create(
        actor=request.user, goal=goal, send_now=payload.send, **data
    )
    referral.goal_id = goal.pk
    return referral
