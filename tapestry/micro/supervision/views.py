"""Pages of supervision: team workload, recording a supervision session, the duplicates queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tapestry.micro.supervision import selectors, services
from tapestry.micro.supervision.forms import DismissPairForm, SupervisionSessionForm
from tapestry.web.pages import bound, save_page, submit


def team_workload(request: HttpRequest) -> HttpResponse:
    rows = selectors.team_workload(request.user)
    return render(request, "supervision/team_workload.html", {"rows": rows})


def session_add(request: HttpRequest) -> HttpResponse:
    workers = selectors.supervisees(supervisor=request.user)
    initial = {"worker": request.GET.get("worker")} if request.method == "GET" else None
    form = SupervisionSessionForm(bound(request), workers=workers, initial=initial)
    return save_page(
        request,
        "supervision/session_form.html",
        form=form,
        call=lambda: services.supervision_record(actor=request.user, **form.cleaned_data),
        done=lambda session: _("Supervision with %(worker)s recorded.") % {"worker": session.worker},
        then="supervision:team_workload",
    )


def duplicate_queue(request: HttpRequest) -> HttpResponse:
    pairs = selectors.duplicate_queue(user=request.user)
    return render(request, "supervision/duplicate_queue.html", {"pairs": pairs, "form": DismissPairForm()})


@require_POST
def duplicate_dismiss(request: HttpRequest) -> HttpResponse:
    form = DismissPairForm(request.POST)

    def dismiss() -> object:
        data = form.cleaned_data
        return services.duplicate_dismiss(
            actor=request.user, first_id=data["first"], second_id=data["second"], reason=data["reason"]
        )

    dismissed, status = submit(form, dismiss)
    if dismissed is not None:
        messages.success(request, _("The pair is dismissed and will not be offered again."))
        return redirect("supervision:duplicate_queue")
    pairs = selectors.duplicate_queue(user=request.user)
    return render(request, "supervision/duplicate_queue.html", {"pairs": pairs, "form": form}, status=status)
