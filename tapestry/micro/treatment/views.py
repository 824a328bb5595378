"""Pages of treatment work: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.access.models import Segment
from tapestry.access.policy import Capability, has_capability
from tapestry.micro.cases.models import Case
from tapestry.micro.treatment import selectors, services
from tapestry.micro.treatment.forms import CheckinForm, ReleaseForm, TeamNoteForm, TreatmentPlanForm
from tapestry.micro.treatment.models import TreatmentPlan
from tapestry.web.pages import bound, case_page_url, form_page, save_page, submit


def _can_add(request: HttpRequest, case: Case) -> bool:
    return has_capability(request.user, Capability.PERSON_WRITE) and case.status != Case.Status.CLOSED


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    overview = selectors.case_overview(user=request.user, case_id=case_pk)
    case = overview.case
    context = {
        "overview": overview,
        "case": case,
        "case_url": case_page_url(case),
        "can_add": _can_add(request, case),
        "is_substance_use": case.segment == Segment.SUBSTANCE_USE,
    }
    return render(request, "treatment/case_index.html", context)


def _case_form(request: HttpRequest, case: Case, **page: Any) -> HttpResponse:
    """A treatment form on a case: on success back to the case's treatment page, else the form again."""
    back = reverse("treatment:case_index", kwargs={"case_pk": case.pk})
    return save_page(request, "treatment/form_page.html", then=back, invalid=200, case=case, **page)


def plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.treatment_case_get(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.plan_detail(user=request.user, case=case)
    form = TreatmentPlanForm(
        bound(request), instance=plan or TreatmentPlan(), initial={"version": plan.version if plan else 0}
    )
    return _case_form(
        request,
        case,
        form=form,
        call=lambda: services.treatment_plan_save(
            actor=request.user, case=case, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The treatment plan is saved."),
        title=gettext("Change the treatment plan") if plan else gettext("Write the treatment plan"),
    )


def checkin_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.treatment_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: record a medication check-in")
    form = CheckinForm(bound(request))
    return _case_form(
        request,
        case,
        form=form,
        call=lambda: services.checkin_record(actor=request.user, case=case, **form.cleaned_data),
        done=gettext("The medication check-in is recorded."),
        title=gettext("Record a medication check-in"),
    )


def team_note_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.treatment_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: add a team note")
    form = TeamNoteForm(bound(request))
    return _case_form(
        request,
        case,
        form=form,
        call=lambda: services.team_note_add(actor=request.user, case=case, **form.cleaned_data),
        done=gettext("The team note is added."),
        title=gettext("Add a team note"),
    )


def release_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.treatment_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: make a release of records")
    form = ReleaseForm(bound(request), recipients=selectors.recipients())
    refused: services.ReleaseRefused | None = None
    try:
        release, status = submit(
            form,
            lambda: services.release_make(actor=request.user, case=case, **form.cleaned_data),
            invalid=200,
        )
    except services.ReleaseRefused as exc:
        release, refused, status = None, exc, 403
        form.add_error("recipient", exc.reason)
    if release is not None:
        messages.success(
            request,
            gettext("Release %(number)s is made and recorded. Print it from this page.")
            % {"number": release.number},
        )
        return redirect("treatment:release_detail", pk=release.pk)
    return form_page(
        request,
        "treatment/release_add.html",
        form=form,
        status=status,
        case=case,
        refused=refused,
        is_substance_use=case.segment == Segment.SUBSTANCE_USE,
    )


def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = selectors.release_detail(user=request.user, release_id=pk)
    return render(request, "treatment/release_detail.html", {"release": release, "case": release.case})
