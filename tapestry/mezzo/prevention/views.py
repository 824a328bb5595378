"""Pages of prevention: the program list, one program with its reach and measures, and the forms."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.prevention import charts, selectors, services
from tapestry.mezzo.prevention.forms import (
    ActivityForm,
    MeasureForm,
    PreventionProgramEditForm,
    PreventionProgramForm,
)
from tapestry.mezzo.prevention.models import PreventionProgram
from tapestry.programs.selectors import program_choices
from tapestry.web.pages import bound, save_page

_save_page = partial(save_page, template="prevention/form.html")


def _program_page(pk: int) -> str:
    return reverse("prevention:program_detail", args=[pk])


def program_list(request: HttpRequest) -> HttpResponse:
    focus = request.GET.get("focus", "")
    context = {
        "records": list(selectors.prevention_program_list(user=request.user, focus=focus)),
        "focus": focus,
        "focus_choices": PreventionProgram.Focus.choices,
        "can_manage": has_capability(request.user, Capability.PROGRAM_MANAGE),
    }
    return render(request, "prevention/program_list.html", context)


def program_create(request: HttpRequest) -> HttpResponse:
    form = PreventionProgramForm(
        bound(request),
        programs=program_choices(),
        leads=selectors.lead_choices(),
        initial={"lead": request.user.pk},
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.prevention_program_create(actor=request.user, **form.cleaned_data),
        done=lambda record: gettext("%(name)s is added.") % {"name": record},
        then=lambda record: _program_page(record.pk),
        heading=gettext("Add a prevention program"),
    )


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record, reach = selectors.prevention_program_detail(user=request.user, program_id=pk)
    measures = list(record.measures.all())
    context = {
        "record": record,
        "reach": reach,
        "activities": list(record.activities.all()),
        "measures": measures,
        "measures_chart": charts.measures_chart(measures) if measures else "",
        "reach_chart": charts.reach_chart(reach.by_month) if reach.by_month else "",
        "can_manage": has_capability(request.user, Capability.PROGRAM_MANAGE),
    }
    return render(request, "prevention/program_detail.html", context)


def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.prevention_program_get(user=request.user, program_id=pk)
    initial = {name: getattr(record, name) for name in (*services.PROGRAM_FIELDS, "version")}
    form = PreventionProgramEditForm(
        bound(request), programs=program_choices(), leads=selectors.lead_choices(), initial=initial
    )
    # Any error on the page, a stale edit too, answers 400 here.
    return save_page(
        request,
        "prevention/form.html",
        form=form,
        call=lambda: services.prevention_program_update(
            actor=request.user,
            record=record,
            version=form.cleaned_data["version"],
            changes={name: form.cleaned_data[name] for name in services.PROGRAM_FIELDS},
        ),
        done=gettext("Prevention program updated."),
        then=_program_page(record.pk),
        stale=400,
        heading=gettext("Change the prevention program"),
        record=record,
    )


def _record(
    request: HttpRequest,
    pk: int,
    form_class: type[forms.Form],
    record: Callable[..., Any],
    *,
    heading: str,
    done: str,
) -> HttpResponse:
    """A form that records something delivered under a program; success goes back to the program."""
    program = selectors.prevention_program_get(user=request.user, program_id=pk)
    form = form_class(bound(request))
    return _save_page(
        request,
        form=form,
        call=lambda: record(actor=request.user, record=program, **form.cleaned_data),
        done=done,
        then=_program_page(program.pk),
        heading=heading,
        record=program,
    )


def activity_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record(
        request,
        pk,
        ActivityForm,
        services.activity_record,
        heading=gettext("Record an activity"),
        done=gettext("Activity recorded."),
    )


def measure_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _record(
        request,
        pk,
        MeasureForm,
        services.measure_record,
        heading=gettext("Record an outcome measure"),
        done=gettext("Outcome measure recorded."),
    )
