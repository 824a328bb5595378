"""Pages for programs: the list, the program page, its design (logic model, budget, staff) and its reach.

A design page lists what the program has beside its form; that list is read lazily (SimpleLazyObject),
only when the form page is shown, never before the redirect after a save.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

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
from tapestry.programs.reach import program_reach
from tapestry.web.pages import act, bound, save_page

# These pages are swapped in place by htmx, which does not swap a 4xx: an error answers 200.
_save_page = partial(save_page, invalid=200)


def _page(name: str, pk: int) -> str:
    return reverse(f"programs:{name}", args=[pk])


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
    form = ProgramForm(bound(request), initial={"status": "running"})
    return _save_page(
        request,
        "programs/program_form.html",
        form=form,
        call=lambda: services.program_create(actor=request.user, **form.changes()),
        done=lambda program: gettext("%(program)s is added. You are its manager.") % {"program": program},
        then=lambda program: _page("program_detail", program.pk),
    )


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.program_page(user=request.user, program_id=pk)
    context = {"page": page, "program": page.program, "threshold": suppression.threshold()}
    return render(request, "programs/program_detail.html", context)


def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = ProgramEditForm(bound(request), instance=program)
    return _save_page(
        request,
        "programs/program_form.html",
        form=form,
        call=lambda: services.program_update(
            actor=request.user, program=program, version=form.cleaned_data["version"], changes=form.changes()
        ),
        # The form has put the new name on `program` by now.
        done=lambda _: gettext("Changes to %(program)s are saved.") % {"program": program},
        then=_page("program_detail", pk),
        program=program,
    )


# Staff -------------------------------------------------------------------------------------------


def program_staff(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = StaffForm(bound(request))
    return _save_page(
        request,
        "programs/program_staff.html",
        form=form,
        call=lambda: services.staff_add(actor=request.user, program=program, **form.cleaned_data),
        done=lambda added: gettext("%(person)s is on %(program)s.")
        % {"person": added.user.get_full_name() or added.user, "program": program},
        then=_page("program_staff", pk),
        program=program,
        staff=SimpleLazyObject(lambda: selectors.staff_of(program)),
    )


@require_POST
def staff_remove(request: HttpRequest, pk: int) -> HttpResponse:
    staff = selectors.staff_member(pk)
    selectors.require_manageable(request.user, staff.program_id)
    act(
        request,
        lambda: services.staff_remove(actor=request.user, staff=staff),
        lambda _: gettext("%(person)s is off %(program)s.")
        % {"person": staff.user.get_full_name() or staff.user, "program": staff.program},
    )
    return redirect("programs:program_staff", pk=staff.program_id)


# Logic model -------------------------------------------------------------------------------------


def logic_model_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = LogicItemForm(bound(request), initial=request.GET.dict())
    return _save_page(
        request,
        "programs/logic_model_edit.html",
        form=form,
        call=lambda: services.logic_item_add(actor=request.user, program=program, **form.changes()),
        done=lambda item: gettext("“%(text)s” is added to %(column)s.")
        % {"text": item.text, "column": item.get_column_display().lower()},
        then=_page("logic_model_edit", pk),
        program=program,
        columns=SimpleLazyObject(lambda: selectors.logic_model(program)),
    )


def logic_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.logic_item(pk)
    program = selectors.require_manageable(request.user, item.program_id)
    form = LogicItemEditForm(bound(request), instance=item)
    return _save_page(
        request,
        "programs/logic_item_edit.html",
        form=form,
        call=lambda: services.logic_item_update(
            actor=request.user, item=item, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The logic model is saved."),
        then=_page("logic_model_edit", program.pk),
        program=program,
        item=item,
    )


@require_POST
def logic_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.logic_item(pk)
    selectors.require_manageable(request.user, item.program_id)
    services.logic_item_remove(actor=request.user, item=item)
    messages.success(request, gettext("“%(text)s” is removed.") % {"text": item.text})
    return redirect("programs:logic_model_edit", pk=item.program_id)


@require_POST
def logic_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.logic_item(pk)
    selectors.require_manageable(request.user, item.program_id)
    try:
        services.logic_item_move(actor=request.user, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("programs:logic_model_edit", pk=item.program_id)


# Budget ------------------------------------------------------------------------------------------


def program_budget(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.require_manageable(request.user, pk)
    form = BudgetLineForm(bound(request))
    return _save_page(
        request,
        "programs/program_budget.html",
        form=form,
        call=lambda: services.budget_line_add(actor=request.user, program=program, **form.changes()),
        done=gettext("The budget line is added."),
        then=_page("program_budget", pk),
        program=program,
        budget=SimpleLazyObject(lambda: selectors.budget(program, with_lines=True)),
    )


def budget_line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.budget_line(pk)
    program = selectors.require_manageable(request.user, line.program_id)
    form = BudgetLineEditForm(bound(request), instance=line)
    return _save_page(
        request,
        "programs/budget_line_edit.html",
        form=form,
        call=lambda: services.budget_line_update(
            actor=request.user, line=line, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The budget line is saved."),
        then=_page("program_budget", program.pk),
        program=program,
        line=line,
    )


@require_POST
def budget_line_remove(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.budget_line(pk)
    selectors.require_manageable(request.user, line.program_id)
    services.budget_line_remove(actor=request.user, line=line)
    messages.success(request, gettext("The budget line is removed."))
    return redirect("programs:program_budget", pk=line.program_id)


# Reach -------------------------------------------------------------------------------------------


def program_reach_page(request: HttpRequest, pk: int) -> HttpResponse:
    reach = program_reach(user=request.user, program_id=pk)
    chart = bar_chart(chart_id="reach-by-month", title=reach.by_month.title, cells=reach.by_month.cells)
    context = {"reach": reach, "program": reach.program, "chart": chart, "threshold": suppression.threshold()}
    return render(request, "programs/program_reach.html", context)
