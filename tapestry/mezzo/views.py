"""Pages for programs: the list and adding one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo import selectors, services
from tapestry.mezzo.forms import ProgramFilterForm, ProgramForm


def program_list(request: HttpRequest) -> HttpResponse:
    filters = ProgramFilterForm(request.GET)
    active = None
    if filters.is_valid() and filters.cleaned_data["active"]:
        active = filters.cleaned_data["active"] == "yes"
    context = {
        "filters": filters,
        "programs": selectors.program_list(user=request.user, active=active),
        "can_add": has_capability(request.user, Capability.ORGANISATION_WRITE),
    }
    return render(request, "mezzo/program_list.html", context)


def program_create(request: HttpRequest) -> HttpResponse:
    form = ProgramForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            program = services.program_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"{program} is added.")
            return redirect("mezzo:program_list")
    return render(request, "mezzo/program_create.html", {"form": form})
