"""Child-welfare pages of an investigation: start it, record contacts and findings, close it."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext

from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    ContactForm,
    FindingForm,
    InvestigationCloseForm,
    InvestigationStartForm,
)
from tapestry.micro.child_welfare.views.form import _report_url, _save_page
from tapestry.people.mentions import field_mention
from tapestry.web.pages import bound


def investigation_start(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    if selectors.investigation_exists(report) and request.method == "GET":
        messages.info(
            request,
            gettext("The investigation of report %(number)s has already started.")
            % {"number": report.number},
        )
        return redirect(_report_url(report.pk))
    form = InvestigationStartForm(
        bound(request), workers=selectors.investigator_choices(), actor=request.user
    )
    return _save_page(
        request,
        form=form,
        call=lambda: services.investigation_start(actor=request.user, report=report, **form.cleaned_data),
        done=gettext("The investigation of report %(number)s has started.") % {"number": report.number},
        case=report.case,
        title=gettext("Start the investigation of report %(number)s") % {"number": report.number},
        back=_report_url(report.pk),
        submit=gettext("Start the investigation"),
    )


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    investigation = selectors.investigation_get(user=request.user, report_id=pk, for_change=True)
    form = ContactForm(bound(request), persons=selectors.person_choices(user=request.user))
    return _save_page(
        request,
        form=form,
        call=lambda: services.contact_record(
            actor=request.user, investigation=investigation, **form.cleaned_data
        ),
        done=lambda contact: gettext("%(contact)s is recorded.") % {"contact": contact},
        case=investigation.report.case,
        title=gettext("Record a contact in the investigation of report %(number)s")
        % {"number": investigation.report.number},
        back=_report_url(pk),
        intro=gettext(
            "Choose a person on record, or name a collateral contact (a teacher, a doctor, a neighbour)."
        ),
    )


def finding_record(request: HttpRequest, pk: int) -> HttpResponse:
    allegation = selectors.allegation_get(user=request.user, allegation_id=pk, for_change=True)
    form = FindingForm(bound(request), instance=copy.copy(allegation))
    return _save_page(
        request,
        form=form,
        call=lambda: services.allegation_finding_record(
            actor=request.user,
            allegation=allegation,
            version=form.cleaned_data["version"],
            finding=form.cleaned_data["finding"],
            note=form.cleaned_data["finding_note"],
            found_on=form.cleaned_data["found_on"],
        ),
        done=lambda found: gettext("Finding recorded: %(finding)s.")
        % {"finding": found.get_finding_display().lower()},
        case=allegation.report.case,
        title=gettext("Finding on an allegation in report %(number)s") % {"number": allegation.report.number},
        back=_report_url(allegation.report_id),
        facts=lambda: [
            (gettext("Child"), field_mention(allegation, "child")),
            (gettext("Alleged maltreatment"), allegation.get_maltreatment_display()),
            (
                gettext("Alleged perpetrator"),
                field_mention(allegation, "alleged_perpetrator") or gettext("Not known"),
            ),
            (gettext("What is alleged"), allegation.description),
        ],
    )


def investigation_close(request: HttpRequest, pk: int) -> HttpResponse:
    investigation = selectors.investigation_get(user=request.user, report_id=pk, for_change=True)
    form = InvestigationCloseForm(bound(request), instance=copy.copy(investigation))
    return _save_page(
        request,
        form=form,
        call=lambda: services.investigation_close(
            actor=request.user, investigation=investigation, **form.cleaned_data
        ),
        done=gettext("The investigation is closed."),
        case=investigation.report.case,
        title=gettext("Close the investigation of report %(number)s")
        % {"number": investigation.report.number},
        back=_report_url(pk),
        submit=gettext("Close the investigation"),
        intro=gettext("Every allegation needs a finding before the investigation closes."),
    )
