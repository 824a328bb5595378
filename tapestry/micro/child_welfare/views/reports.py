"""Child-welfare pages of a case's index and its reports: record, screen, add allegations and people."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, pgettext

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
        done=lambda report: gettext("Report %(number)s is recorded and awaits screening.")
        % {"number": report.number},
        then=lambda report: _report_url(report.pk),
        case=case,
        title=gettext("Record a report of suspected abuse or neglect"),
        back=_index(case.pk),
        submit=gettext("Record the report"),
        intro=gettext(
            "Record the first allegation here; add more allegations and the people involved on the report's page."
        ),
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
            gettext("Child-welfare case %(case)s is open, with report %(report)s on it.")
            % {"case": report.case.number, "report": report.number}
        ),
        then=lambda report: _report_url(report.pk),
        invalid=200,
        person=person,
        title=gettext("New child-welfare report about %(display_name)s")
        % {"display_name": person.display_name},
        submit=gettext("Open the case and record the report"),
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(user=request.user, report_id=pk)
    context = {"report": report, "case": report.case, "investigation": selectors.investigation_of(report)}
    return render(request, "child_welfare/report_detail.html", context)


def report_screen(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(user=request.user, report_id=pk, purpose="screening")
    if not report.can_change:
        raise PermissionDenied(gettext("You may read this report but not screen it."))
    if report.screening != Report.Screening.AWAITING and request.method == "GET":
        messages.info(
            request,
            gettext("Report %(number)s is already screened: %(screening)s.")
            % {"number": report.number, "screening": report.get_screening_display().lower()},
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
        done=lambda screened: gettext("Report %(number)s: %(screening)s.")
        % {"number": screened.number, "screening": screened.get_screening_display().lower()},
        case=report.case,
        title=gettext("Screen report %(number)s") % {"number": report.number},
        back=_report_url(report.pk),
        submit=gettext("Record the decision"),
        facts=lambda: [
            (pgettext("report", "Received"), _when(report.received_at)),
            (gettext("Reporter"), report.get_reporter_type_display()),
            (gettext("What was reported"), report.concerns),
            (gettext("Allegations"), "; ".join(str(allegation) for allegation in report.allegations.all())),
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
        done=lambda added: gettext("Allegation added: %(added)s.") % {"added": added},
        case=report.case,
        title=gettext("Add an allegation to report %(number)s") % {"number": report.number},
        back=_report_url(report.pk),
    )


def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    form = ParticipantForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.participant_add(actor=request.user, report=report, **form.cleaned_data),
        done=lambda added: gettext("%(added)s is named on report %(number)s.")
        % {"added": added, "number": report.number},
        case=report.case,
        title=gettext("Name a child or adult involved in report %(number)s") % {"number": report.number},
        back=_report_url(report.pk),
    )
