"""Child-welfare pages of safety: assessments, safety plans and their actions."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    PlanActionForm,
    SafetyAssessmentForm,
    SafetyPlanEditForm,
    SafetyPlanForm,
)
from tapestry.micro.child_welfare.views.form import _index, _save_page
from tapestry.web.ids import found_or_404
from tapestry.web.pages import bound


def _safety_url(assessment_pk: int) -> str:
    return reverse("child_welfare:safety_detail", kwargs={"pk": assessment_pk})


def safety_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = SafetyAssessmentForm(
        bound(request), reports=selectors.case_report_choices(user=request.user, case=case)
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.safety_assess(actor=request.user, case=case, **form.cleaned_data),
        done=lambda assessment: gettext("Safety assessment recorded: %(decision)s.")
        % {"decision": assessment.get_decision_display().lower()},
        then=lambda assessment: _safety_url(assessment.pk),
        case=case,
        title=gettext("Record a safety assessment"),
        back=_index(case.pk),
        intro=gettext(
            "Safe: no threat found. Conditionally safe: threats, controlled by a safety plan. Unsafe: the child cannot stay at home."
        ),
    )


def safety_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_detail(user=request.user, assessment_id=pk)
    context = {"assessment": assessment, "case": assessment.case, "plan": selectors.plan_of(assessment)}
    return render(request, "child_welfare/safety_detail.html", context)


def safety_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_get(user=request.user, assessment_id=pk, for_change=True)
    if selectors.plan_of(assessment) is not None and request.method == "GET":
        messages.info(request, gettext("This assessment already has a safety plan."))
        return redirect(_safety_url(assessment.pk))
    form = SafetyPlanForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.safety_plan_create(
            actor=request.user,
            assessment=assessment,
            monitoring=form.cleaned_data["monitoring"],
            review_on=form.cleaned_data["review_on"],
            actions=[form.plan_action()],
        ),
        done=gettext("The safety plan is recorded."),
        case=assessment.case,
        title=gettext("Make a safety plan"),
        back=_safety_url(assessment.pk),
        intro=gettext("Record the first action here; add the others on the assessment's page."),
    )


def safety_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=pk, for_change=True)
    form = SafetyPlanEditForm(bound(request), instance=copy.copy(plan))
    return _save_page(
        request,
        form=form,
        call=lambda: services.safety_plan_update(actor=request.user, plan=plan, **form.cleaned_data),
        done=gettext("The safety plan is changed."),
        case=plan.assessment.case,
        title=gettext("Change the safety plan's monitoring"),
        back=_safety_url(pk),
    )


def safety_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_get(user=request.user, assessment_id=pk, for_change=True)
    plan = found_or_404(selectors.plan_of(assessment), gettext("This assessment has no safety plan yet."))
    form = PlanActionForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.safety_plan_action_add(
            actor=request.user, plan=plan, action=form.plan_action()
        ),
        done=gettext("The action is added to the safety plan."),
        case=assessment.case,
        title=gettext("Add an action to the safety plan"),
        back=_safety_url(pk),
    )
