"""Pages for group outcomes: goals, instruments and measures, the outcome report and its aggregate."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.mezzo.group_outcomes import selectors, services
from tapestry.mezzo.group_outcomes.charts import pre_post_chart
from tapestry.mezzo.group_outcomes.forms import (
    FromAssessmentForm,
    GoalEditForm,
    GoalForm,
    InstrumentChoiceForm,
    MeasureCorrectForm,
    MeasureForm,
)
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.micro.assessments.services import definition_for
from tapestry.web.pages import act, bound, save_page, submit

# What a correction form sends the service, by the service's own names.
CORRECTION_FIELDS = ("version", "answers", "administered_on", "reason", "note")


_SAVED = {
    "pre": gettext_lazy("The pre %(instrument)s is scored and saved."),
    "post": gettext_lazy("The post %(instrument)s is scored and saved."),
}
_NOW_MEASURE = {
    "pre": gettext_lazy("The assessment is now %(name)s's pre measure in the group."),
    "post": gettext_lazy("The assessment is now %(name)s's post measure in the group."),
}


def _status(form: Any) -> int:
    # Any error on the page, a stale edit too, answers 400 here.
    return 400 if form.is_bound and form.errors else 200


# Goals ------------------------------------------------------------------------------------


def goals(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_running(user=request.user, group_id=group_pk)
    form = GoalForm(bound(request))
    if submit(form, lambda: services.goal_add(actor=request.user, group=group, **form.changes()))[0]:
        messages.success(request, gettext("Goal added."))
        return redirect("group_outcomes:goals", group_pk=group.pk)
    context = {"group": group, "goals": selectors.goals_of(group=group), "form": form}
    return render(request, "group_outcomes/goals.html", context, status=_status(form))


def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_for_running(user=request.user, goal_id=pk)
    form = GoalEditForm(bound(request), instance=goal, initial={"version": goal.version})
    return save_page(
        request,
        "group_outcomes/goal_edit.html",
        form=form,
        call=lambda: services.goal_update(
            actor=request.user, goal=goal, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("Goal updated."),
        then=reverse("group_outcomes:goals", args=[goal.group_id]),
        stale=400,
        goal=goal,
        group=goal.group,
    )


# Instruments and measures -----------------------------------------------------------------


def measures(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_running(user=request.user, group_id=group_pk)
    report = selectors.outcome_report(user=request.user, group=group, purpose="group outcome measures")
    used = [outcome.code for outcome in report.outcomes]
    context = {
        "group": group,
        "report": report,
        "instrument_form": InstrumentChoiceForm(used=used),
        "phases": MemberMeasure.Phase,
    }
    return render(request, "group_outcomes/measures.html", context)


@require_POST
def instrument_add(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_running(user=request.user, group_id=group_pk)
    form = InstrumentChoiceForm(request.POST, used=selectors.instruments_of(group=group))
    if form.is_valid():
        act(
            request,
            lambda: services.outcome_instrument_add(
                actor=request.user, group=group, instrument=form.cleaned_data["instrument"]
            ),
            gettext("The group now measures with this instrument."),
        )
    else:
        messages.error(request, gettext("Choose one of the listed instruments."))
    return redirect("group_outcomes:measures", group_pk=group.pk)


def measure_record(
    request: HttpRequest, group_pk: int, membership_pk: int, code: str, phase: str
) -> HttpResponse:
    group = selectors.group_for_running(user=request.user, group_id=group_pk)
    membership = selectors.membership_for_running(user=request.user, group=group, membership_id=membership_pk)
    if phase not in MemberMeasure.Phase.values or code not in selectors.instruments_of(group=group):
        raise Http404("This group does not measure with that instrument at that point.")
    definition = definition_for(instrument=code)[0]
    audit_form_open(
        request, obj=membership, fields=["name", "group"], purpose=f"form: record a {phase} measure"
    )
    form = MeasureForm(definition, bound(request))
    if form.is_bound and form.is_valid():
        try:
            services.measure_record(
                actor=request.user,
                membership=membership,
                instrument=code,
                phase=phase,
                answers=form.cleaned_data["answers"],
                administered_on=form.cleaned_data["administered_on"],
                note=form.cleaned_data["note"],
            )
        except services.MeasureExists as error:
            messages.error(request, " ".join(error.messages))
            return redirect("group_outcomes:measure_correct", pk=error.measure.pk)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, _SAVED[phase] % {"instrument": definition.name})
            return redirect("group_outcomes:measures", group_pk=group.pk)
    context = {
        "group": group,
        "membership": membership,
        "definition": definition,
        "phase": phase,
        "form": form,
    }
    return render(request, "group_outcomes/measure_form.html", context, status=_status(form))


def measure_correct(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.measure_for_running(user=request.user, measure_id=pk)
    definition = definition_for(instrument=measure.instrument)[0]
    initial = {
        **measure.answers,
        "administered_on": measure.administered_on,
        "note": measure.note,
        "version": measure.version,
    }
    form = MeasureCorrectForm(definition, bound(request), initial=initial)
    return save_page(
        request,
        "group_outcomes/measure_form.html",
        form=form,
        call=lambda: services.measure_correct(
            actor=request.user,
            measure=measure,
            **{name: form.cleaned_data[name] for name in CORRECTION_FIELDS},
        ),
        done=gettext("The measure is corrected."),
        then=reverse("group_outcomes:measures", args=[measure.membership.group_id]),
        stale=400,
        group=measure.membership.group,
        membership=measure.membership,
        measure=measure,
        definition=definition,
        phase=measure.phase,
    )


def measure_from_assessment(request: HttpRequest, membership_pk: int) -> HttpResponse:
    membership = selectors.membership_for_caseworker(user=request.user, membership_id=membership_pk)
    candidates = selectors.assessment_candidates(user=request.user, membership=membership)
    form = FromAssessmentForm(bound(request), candidates=candidates)

    def copy() -> MemberMeasure:
        chosen = form.candidate()
        try:
            return services.measure_from_assessment(
                actor=request.user, membership=membership, assessment=chosen.assessment, phase=chosen.phase
            )
        except ValidationError as error:
            raise ValidationError({"choice": error.messages}) from error

    return save_page(
        request,
        "group_outcomes/from_assessment.html",
        form=form,
        call=copy,
        done=lambda measure: _NOW_MEASURE[measure.phase] % {"name": membership.person},
        then=reverse("group_outcomes:report", args=[membership.group_id]),
        membership=membership,
        group=membership.group,
        candidates=candidates,
    )


# Reports ----------------------------------------------------------------------------------


def report(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_report(user=request.user, group_id=group_pk)
    outcome_report = selectors.outcome_report(user=request.user, group=group)
    context = {"group": group, "report": outcome_report, "chart": pre_post_chart(outcome_report.outcomes)}
    return render(request, "group_outcomes/report.html", context)


def summary(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_summary(user=request.user, group_id=group_pk)
    return render(
        request,
        "group_outcomes/summary.html",
        {"group": group, "summary": selectors.outcome_summary(group=group)},
    )
