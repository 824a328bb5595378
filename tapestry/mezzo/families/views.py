"""Pages of family plans: the case's family plan, its goals, and referrals from a goal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.families import selectors, services
from tapestry.mezzo.families.forms import GoalEditForm, GoalForm, GoalReferralForm, PlanForm
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import need_choices
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral
from tapestry.web.pages import bound, save_page


def _save(
    request: HttpRequest,
    *,
    case: Case,
    form: Any,
    call: Callable[[], Any],
    done: str,
    title: str,
    intro: str = "",
) -> HttpResponse:
    """A family-plan form (`save_page`) that goes back to the plan; it names the family's members, so
    opening it is a read of the case."""
    return save_page(
        request,
        "families/form.html",
        form=form,
        call=call,
        done=done,
        then=reverse("families:case_index", args=[case.pk]),
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
        data = dict(form.cleaned_data)
        if plan is None:
            # A new plan has no version yet (nor a reason to change).
            del data["version"]
            return services.family_plan_start(actor=request.user, case=case, **data)
        return services.family_plan_revise(actor=request.user, plan=plan, **data)

    title = gettext("Start the family plan") if plan is None else gettext("Change the family plan")
    return _save(
        request, case=case, form=form, call=save, done=gettext("The family plan is saved."), title=title
    )


def goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.family_case(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.plan_of(case=case)
    if plan is None:
        messages.info(request, gettext("Start the family plan first: a goal belongs to a plan."))
        return redirect("families:case_index", case_pk=case.pk)
    form = GoalForm(
        bound(request),
        needs=need_choices(),
        members=selectors.household_members(case=case, user=request.user),
    )
    return _save(
        request,
        case=case,
        form=form,
        call=lambda: services.family_goal_add(actor=request.user, plan=plan, **form.cleaned_data),
        done=gettext("The goal is added to the family plan."),
        title=gettext("Add a goal for the family"),
        intro="A goal for the family as a whole: what changes for them, by when, and who is involved.",
    )


def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.family_goal_get(user=request.user, goal_id=pk, for_change=True)
    case = goal.plan.case
    initial = {name: getattr(goal, name) for name in ("description", "target_date", "status", "status_note")}
    initial.update(
        need=goal.need_id, members=[member.pk for member in goal.members.all()], version=goal.version
    )
    form = GoalEditForm(
        bound(request),
        needs=need_choices(),
        members=selectors.household_members(case=case, user=request.user),
        initial=initial,
    )
    return _save(
        request,
        case=case,
        form=form,
        call=lambda: services.family_goal_update(
            actor=request.user,
            goal=goal,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            members=form.cleaned_data["members"],
        ),
        done=gettext("The goal is saved."),
        title=gettext("Change a family goal"),
    )


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
            return services.family_goal_referral_create(actor=request.user, goal=goal, **data)
        except disclosure.ConsentMissing as missing:
            # Shown at the top of the form: the consent is not a field of it.
            raise ValidationError(gettext("Nothing was saved: %(why)s") % {"why": missing.text}) from missing

    def done(referral: Referral) -> str:
        if form.cleaned_data["send_now"]:
            text = gettext("Referral to %(service)s sent for this goal.")
        else:
            text = gettext("Referral to %(service)s recorded (not sent yet) for this goal.")
        return text % {"service": referral.service.name}

    if goal.need_id and not everything:
        intro = gettext(
            "For the goal “%(goal)s”. Services meeting “%(need)s” in the directory are offered."
        ) % {
            "goal": goal.description,
            "need": goal.need.label,
        }
    else:
        intro = gettext("For the goal “%(goal)s”. Services in the directory are offered.") % {
            "goal": goal.description
        }
    return save_page(
        request,
        "families/form.html",
        form=form,
        call=refer,
        done=done,
        then=reverse("families:case_index", args=[case.pk]),
        audit=lambda: audit_form_open(
            request, obj=goal, person_id=case.person_id, fields=["case", "name", "goal"]
        ),
        case=case,
        title=gettext("Refer the family to a service"),
        intro=intro,
        goal=goal,
        show_all_link=not everything,
    )
