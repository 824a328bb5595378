"""Pages of prevention: the program list, one program with its reach and measures, and the forms."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tapestry.access.errors import StaleEdit
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.prevention import charts, selectors, services
from tapestry.mezzo.prevention.forms import (
    ActivityForm,
    MeasureForm,
    PreventionProgramEditForm,
    PreventionProgramForm,
)
from tapestry.mezzo.prevention.models import PreventionProgram


def _data(request: HttpRequest) -> dict | None:
    return request.POST if request.method == "POST" else None


def _form_page(
    request: HttpRequest, form: object, heading: str, record: PreventionProgram | None
) -> HttpResponse:
    context = {"form": form, "heading": heading, "record": record, "action": request.path}
    return render(request, "prevention/form.html", context, status=400 if form.errors else 200)


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
        _data(request),
        programs=selectors.program_choices(),
        leads=selectors.lead_choices(),
        initial={"lead": request.user.pk},
    )
    if form.is_bound and form.is_valid():
        try:
            record = services.prevention_program_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"{record} is added.")
            return redirect("prevention:program_detail", pk=record.pk)
    return _form_page(request, form, "Add a prevention program", None)


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
    initial = {name: getattr(record, name) for name in services.PROGRAM_FIELDS}
    initial["version"] = record.version
    form = PreventionProgramEditForm(
        _data(request), programs=selectors.program_choices(), leads=selectors.lead_choices(), initial=initial
    )
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.prevention_program_update(
                actor=request.user, record=record, version=version, changes=data
            )
        except ValidationError as error:
            form.show_service_errors(error)
        except StaleEdit as stale:
            form.add_error(None, str(stale))
        else:
            messages.success(request, "Prevention program updated.")
            return redirect("prevention:program_detail", pk=record.pk)
    return _form_page(request, form, "Change the prevention program", record)


def activity_add(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.prevention_program_get(user=request.user, program_id=pk)
    form = ActivityForm(_data(request))
    if form.is_bound and form.is_valid():
        try:
            services.activity_record(actor=request.user, record=record, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "Activity recorded.")
            return redirect("prevention:program_detail", pk=record.pk)
    return _form_page(request, form, "Record an activity", record)


def measure_add(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.prevention_program_get(user=request.user, program_id=pk)
    form = MeasureForm(_data(request))
    if form.is_bound and form.is_valid():
        try:
            services.measure_record(actor=request.user, record=record, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "Outcome measure recorded.")
            return redirect("prevention:program_detail", pk=record.pk)
    return _form_page(request, form, "Record an outcome measure", record)
