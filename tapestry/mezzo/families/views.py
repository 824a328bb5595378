"""Pages of family plans: the case's family plan, its goals, and referrals from a goal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.families import selectors, services
from tapestry.mezzo.families.forms import GoalEditForm, GoalForm, GoalReferralForm, PlanForm
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import need_choices
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral
from tapestry.web.pages import bound, form_page, submit


def _form_page(
    request: HttpRequest, *, case: Case, form: Any, title: str, intro: str = "", status: int = 200
) -> HttpResponse:
    """Render a family-plan form; it names the family's members, so opening it is a read of the case."""
    if status == 200 and form.errors:
        status = 400
    return form_page(
        request,
        "families/form.html",
        form=form,
        status=status,
        audit=lambda: audit_form_open(request, obj=case, fields=["case", "name", "household_members"]),
        case=case,
        title=title,
        intro=intro,
    )


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    """The case's family plan, or the way to start one (or to give the case a household first)."""
    case = selectors.family_case(user=request.user, case_id=case_pk)
    plan = selectors.family_plan_detail(user=request.user, case=case)
    can_change = has_capability(request.user, Capability.PERSON_WRITE) and not case.is_closed
    context = {
        "case": case,
        "plan": plan,
        "members": selectors.household_members(case=case, user=request.user),
        "can_change": can_change,
        "no_household": services.NO_HOUSEHOLD,
    }
    return render(request, "families/case_index.html", context)


def plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.family_case(user=request.user, case_id=case_pk, for_change=True)
    if case.household_id is None:
        messages.error(request, services.NO_HOUSEHOLD)
        return redirect("families:case_index", case_pk=case.pk)
    plan = selectors.plan_of(case=case)
    form = PlanForm(bound(request), plan=plan)

    def save() -> FamilyPlan:
        data = form.cleaned_data
        if plan is None:
            return services.family_plan_start(
                actor=request.user,
                case=case,
                strengths=data["strengths"],
                concerns=data["concerns"],
                next_review_on=data["next_review_on"],
            )
        return services.family_plan_revise(
            actor=request.user,
            plan=plan,
            version=data["version"],
            strengths=data["strengths"],
            concerns=data["concerns"],
            next_review_on=data["next_review_on"],
            reason=data["reason"],
        )

    saved, status = submit(form, save)
    if saved is not None:
        messages.success(request, "The family plan is saved.")
        return redirect("families:case_index", case_pk=case.pk)
    title = "Start the family plan" if plan is None else "Change the family plan"
    return _form_page(request, case=case, form=form, title=title, status=status)


def goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.family_case(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.plan_of(case=case)
    if plan is None:
        messages.info(request, "Start the family plan first: a goal belongs to a plan.")
        return redirect("families:case_index", case_pk=case.pk)
    form = GoalForm(
        bound(request),
        needs=need_choices(),
        members=selectors.household_members(case=case, user=request.user),
    )
    goal, _ = submit(
        form,
        lambda: services.family_goal_add(
            actor=request.user,
            plan=plan,
            description=form.cleaned_data["description"],
            target_date=form.cleaned_data["target_date"],
            need=form.cleaned_data["need"],
            members=list(form.cleaned_data["members"]),
        ),
    )
    if goal is not None:
        messages.success(request, "The goal is added to the family plan.")
        return redirect("families:case_index", case_pk=case.pk)
    return _form_page(
        request,
        case=case,
        form=form,
        title="Add a goal for the family",
        intro="A goal for the family as a whole: what changes for them, by when, and who is involved.",
    )


def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.family_goal_get(user=request.user, goal_id=pk, for_change=True)
    case = goal.plan.case
    initial = {
        "description": goal.description,
        "need": goal.need_id,
        "target_date": goal.target_date,
        "members": [member.pk for member in goal.members.all()],
        "status": goal.status,
        "status_note": goal.status_note,
        "version": goal.version,
    }
    form = GoalEditForm(
        bound(request),
        needs=need_choices(),
        members=selectors.household_members(case=case, user=request.user),
        initial=initial,
    )
    updated, status = submit(
        form,
        lambda: services.family_goal_update(
            actor=request.user,
            goal=goal,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            members=list(form.cleaned_data["members"]),
        ),
    )
    if updated is not None:
        messages.success(request, "The goal is saved.")
        return redirect("families:case_index", case_pk=case.pk)
    return _form_page(request, case=case, form=form, title="Change a family goal", status=status)


def goal_referral_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Refer the family to a service for this goal; services meeting the goal's need come first."""
    goal: FamilyGoal = selectors.family_goal_get(user=request.user, goal_id=pk, for_change=True)
    case = goal.plan.case
    everything = request.GET.get("all") == "1" or goal.need_id is None
    services_offered = selectors.service_choices(need=goal.need, everything=everything)
    form = GoalReferralForm(bound(request), services=services_offered)

    def refer() -> Referral:
        data = form.cleaned_data
        try:
            return services.family_goal_referral_create(
                actor=request.user,
                goal=goal,
                service=data["service"],
                reason=data["reason"],
                urgency=data["urgency"],
                parts=data["parts"],
                send_now=data["send_now"],
            )
        except disclosure.ConsentMissing as missing:
            # Shown at the top of the form: the consent is not a field of it.
            raise ValidationError(f"Nothing was saved: {missing.text}") from missing

    referral, _ = submit(form, refer)
    if referral is not None:
        sent = "sent" if form.cleaned_data["send_now"] else "recorded (not sent yet)"
        messages.success(request, f"Referral to {referral.service.name} {sent} for this goal.")
        return redirect("families:case_index", case_pk=case.pk)
    need = f" meeting “{goal.need.label}”" if goal.need_id and not everything else ""
    return form_page(
        request,
        "families/form.html",
        form=form,
        status=400 if form.errors else 200,
        audit=lambda: audit_form_open(
            request, obj=goal, person_id=case.person_id, fields=["case", "name", "goal"]
        ),
        case=case,
        title="Refer the family to a service",
        intro=f"For the goal “{goal.description}”. Services{need} in the directory are offered.",
        goal=goal,
        show_all_link=not everything,
    )
