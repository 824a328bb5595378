"""Child-welfare pages of a case's index and its reports: record, screen, add allegations and people."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tapestry.access.audit import audit_form_open
from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    AllegationForm,
    ParticipantForm,
    ReportForm,
    ScreeningForm,
)
from tapestry.micro.child_welfare.models import Report
from tapestry.micro.child_welfare.views.form import _index, _report_url, _save_page, _when
from tapestry.people import selectors as people_selectors
from tapestry.web.pages import bound, save_page

# The case's child-welfare index ------------------------------------------------------------------


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    record = selectors.case_child_welfare(user=request.user, case_id=case_pk)
    return render(request, "child_welfare/case_index.html", {"record": record, "case": record.case})


# Reports ------------------------------------------------------------------------------------------


def report_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = ReportForm(bound(request), persons=selectors.person_choices(user=request.user), child=case.person)
    return _save_page(
        request,
        form=form,
        call=lambda: services.report_receive(actor=request.user, case=case, **form.report()),
        done=lambda report: f"Report {report.number} is recorded and awaits screening.",
        then=lambda report: _report_url(report.pk),
        case=case,
        title="Record a report of suspected abuse or neglect",
        back=_index(case.pk),
        submit="Record the report",
        intro="Record the first allegation here; add more allegations and the people involved on the report's page.",
    )


def report_create_for_person(request: HttpRequest, person_pk: int) -> HttpResponse:
    selectors.require_segment(request.user)
    person = people_selectors.person_get(user=request.user, person_id=person_pk)
    audit_form_open(
        request, obj=person, fields=["name", "person_choices"], purpose="form: a report opening a case"
    )
    form = ReportForm(bound(request), persons=selectors.person_choices(user=request.user), child=person)
    return save_page(
        request,
        "child_welfare/report_new_case.html",
        form=form,
        call=lambda: services.report_receive_opening_case(actor=request.user, person=person, **form.report()),
        done=lambda report: (
            f"Child-welfare case {report.case.number} is open, with report {report.number} on it."
        ),
        then=lambda report: _report_url(report.pk),
        invalid=200,
        person=person,
        title=f"New child-welfare report about {person.display_name}",
        submit="Open the case and record the report",
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(user=request.user, report_id=pk)
    context = {"report": report, "case": report.case, "investigation": selectors.investigation_of(report)}
    return render(request, "child_welfare/report_detail.html", context)


def report_screen(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(user=request.user, report_id=pk, purpose="screening")
    if not report.can_change:
        raise PermissionDenied("You may read this report but not screen it.")
    if report.screening != Report.Screening.AWAITING and request.method == "GET":
        messages.info(
            request, f"Report {report.number} is already screened: {report.get_screening_display().lower()}."
        )
        return redirect(_report_url(report.pk))
    form = ScreeningForm(
        bound(request), instance=copy.copy(report), organisations=selectors.organisation_choices()
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.report_screen(
            actor=request.user,
            report=report,
            version=form.cleaned_data["version"],
            decision=form.cleaned_data["screening"],
            reason=form.cleaned_data["screening_reason"],
            referred_to=form.cleaned_data["referred_to"],
            response_priority=form.cleaned_data["response_priority"],
        ),
        done=lambda screened: f"Report {screened.number}: {screened.get_screening_display().lower()}.",
        case=report.case,
        title=f"Screen report {report.number}",
        back=_report_url(report.pk),
        submit="Record the decision",
        facts=lambda: [
            ("Received", _when(report.received_at)),
            ("Reporter", report.get_reporter_type_display()),
            ("What was reported", report.concerns),
            ("Allegations", "; ".join(str(allegation) for allegation in report.allegations.all())),
        ],
        read_audited=True,
    )


def allegation_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    form = AllegationForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.allegation_add(actor=request.user, report=report, allegation=form.allegation()),
        done=lambda added: f"Allegation added: {added}.",
        case=report.case,
        title=f"Add an allegation to report {report.number}",
        back=_report_url(report.pk),
    )


def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    form = ParticipantForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.participant_add(actor=request.user, report=report, **form.cleaned_data),
        done=lambda added: f"{added} is named on report {report.number}.",
        case=report.case,
        title=f"Name a child or adult involved in report {report.number}",
        back=_report_url(report.pk),
    )
