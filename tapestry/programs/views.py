"""Pages for programs: the list, the program page, its design (logic model, budget, staff) and its reach."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tapestry.access.errors import StaleEdit
from tapestry.access.policy import Capability, has_capability
from tapestry.evidence import suppression
from tapestry.evidence.charts import bar_chart
from tapestry.programs import selectors, services
from tapestry.programs.forms import (
    BudgetLineEditForm,
    BudgetLineForm,
    LogicItemEditForm,
    LogicItemForm,
    ProgramEditForm,
    ProgramFilterForm,
    ProgramForm,
    StaffForm,
)
from tapestry.programs.models import BudgetLine, LogicModelItem, ProgramStaff
from tapestry.programs.reach import program_reach


def program_list(request: HttpRequest) -> HttpResponse:
    filters = ProgramFilterForm(request.GET)
    active = None
    if filters.is_valid() and filters.cleaned_data["active"]:
        active = filters.cleaned_data["active"] == "yes"
    context = {
        "filters": filters,
        "programs": selectors.program_list(user=request.user, active=active),
        "can_add": has_capability(request.user, Capability.PROGRAM_MANAGE),
    }
    return render(request, "programs/program_list.html", context)


def program_create(request: HttpRequest) -> HttpResponse:
    form = ProgramForm(request.POST if request.method == "POST" else None, initial={"status": "running"})
    if form.is_bound and form.is_valid():
        try:
            program = services.program_create(actor=request.user, **form.changes())
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"{program} is added. You are its manager.")
            return redirect("programs:program_detail", pk=program.pk)
    return render(request, "programs/program_form.html", {"form": form, "title": "Add a program"})


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.program_page(user=request.user, program_id=pk)
    context = {"page": page, "program": page.program, "threshold": suppression.threshold()}
    return render(request, "programs/program_detail.html", context)


def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = ProgramEditForm(request.POST if request.method == "POST" else None, instance=program)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            services.program_update(
                actor=request.user,
                program=program,
                version=form.cleaned_data["version"],
                changes=form.changes(),
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            status = 409
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"Changes to {program} are saved.")
            return redirect("programs:program_detail", pk=program.pk)
    context = {"form": form, "program": program, "title": f"Change {program}"}
    return render(request, "programs/program_form.html", context, status=status)


# Staff -------------------------------------------------------------------------------------------


def program_staff(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = StaffForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            added = services.staff_add(actor=request.user, program=program, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"{added.user.get_full_name() or added.user} is on {program}.")
            return redirect("programs:program_staff", pk=program.pk)
    context = {"program": program, "form": form, "staff": selectors.staff_of(program)}
    return render(request, "programs/program_staff.html", context)


@require_POST
def staff_remove(request: HttpRequest, pk: int) -> HttpResponse:
    staff = _get_or_404(ProgramStaff.objects.select_related("program", "user"), pk)
    selectors.require_manageable(request.user, staff.program_id)
    try:
        services.staff_remove(actor=request.user, staff=staff)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{staff.user.get_full_name() or staff.user} is off {staff.program}.")
    return redirect("programs:program_staff", pk=staff.program_id)


# Logic model -------------------------------------------------------------------------------------


def logic_model_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = LogicItemForm(request.POST if request.method == "POST" else None, initial=request.GET.dict())
    if form.is_bound and form.is_valid():
        try:
            item = services.logic_item_add(actor=request.user, program=program, **form.changes())
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"“{item.text}” is added to {item.get_column_display().lower()}.")
            return redirect("programs:logic_model_edit", pk=program.pk)
    context = {"program": program, "form": form, "columns": selectors.logic_model(program)}
    return render(request, "programs/logic_model_edit.html", context)


def logic_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_or_404(LogicModelItem.objects.select_related("program"), pk)
    program = selectors.require_manageable(request.user, item.program_id)
    form = LogicItemEditForm(request.POST if request.method == "POST" else None, instance=item)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            services.logic_item_update(
                actor=request.user, item=item, version=form.cleaned_data["version"], changes=form.changes()
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            status = 409
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The logic model is saved.")
            return redirect("programs:logic_model_edit", pk=program.pk)
    context = {"form": form, "program": program, "item": item}
    return render(request, "programs/logic_item_edit.html", context, status=status)


@require_POST
def logic_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_or_404(LogicModelItem.objects.all(), pk)
    selectors.require_manageable(request.user, item.program_id)
    services.logic_item_remove(actor=request.user, item=item)
    messages.success(request, f"“{item.text}” is removed.")
    return redirect("programs:logic_model_edit", pk=item.program_id)


@require_POST
def logic_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_or_404(LogicModelItem.objects.all(), pk)
    selectors.require_manageable(request.user, item.program_id)
    try:
        services.logic_item_move(actor=request.user, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("programs:logic_model_edit", pk=item.program_id)


# Budget ------------------------------------------------------------------------------------------


def program_budget(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = BudgetLineForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.budget_line_add(actor=request.user, program=program, **form.changes())
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The budget line is added.")
            return redirect("programs:program_budget", pk=program.pk)
    context = {"program": program, "form": form, "budget": selectors.budget(program, with_lines=True)}
    return render(request, "programs/program_budget.html", context)


def budget_line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    line = _get_or_404(BudgetLine.objects.select_related("program"), pk)
    program = selectors.require_manageable(request.user, line.program_id)
    form = BudgetLineEditForm(request.POST if request.method == "POST" else None, instance=line)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            services.budget_line_update(
                actor=request.user, line=line, version=form.cleaned_data["version"], changes=form.changes()
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            status = 409
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The budget line is saved.")
            return redirect("programs:program_budget", pk=program.pk)
    context = {"form": form, "program": program, "line": line}
    return render(request, "programs/budget_line_edit.html", context, status=status)


@require_POST
def budget_line_remove(request: HttpRequest, pk: int) -> HttpResponse:
    line = _get_or_404(BudgetLine.objects.all(), pk)
    selectors.require_manageable(request.user, line.program_id)
    services.budget_line_remove(actor=request.user, line=line)
    messages.success(request, "The budget line is removed.")
    return redirect("programs:program_budget", pk=line.program_id)


# Reach -------------------------------------------------------------------------------------------


def program_reach_page(request: HttpRequest, pk: int) -> HttpResponse:
    reach = program_reach(user=request.user, program_id=pk)
    chart = bar_chart(chart_id="reach-by-month", title=reach.by_month.title, cells=reach.by_month.cells)
    context = {"reach": reach, "program": reach.program, "chart": chart, "threshold": suppression.threshold()}
    return render(request, "programs/program_reach.html", context)


def _get_or_404(queryset, pk: int):
    """A program part by id; the program's own check follows (parts of others' programs are 404 too)."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("No such record.")
    return found
