"""Child-welfare pages of an investigation: start it, record contacts and findings, close it."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    ContactForm,
    FindingForm,
    InvestigationCloseForm,
    InvestigationStartForm,
)
from tapestry.micro.child_welfare.views.form import _form_page, _report_url
from tapestry.people.mentions import field_mention
from tapestry.web.pages import bound, submit


def investigation_start(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    if selectors.investigation_exists(report) and request.method == "GET":
        messages.info(request, f"The investigation of report {report.number} has already started.")
        return redirect(_report_url(report.pk))
    form = InvestigationStartForm(
        bound(request), workers=selectors.investigator_choices(), actor=request.user
    )
    started, status = submit(
        form,
        lambda: services.investigation_start(
            actor=request.user,
            report=report,
            worker=form.cleaned_data["worker"],
            started_on=form.cleaned_data["started_on"],
        ),
        invalid=200,
    )
    if started is not None:
        messages.success(request, f"The investigation of report {report.number} has started.")
        return redirect(_report_url(report.pk))
    return _form_page(
        request,
        form=form,
        case=report.case,
        title=f"Start the investigation of report {report.number}",
        back=_report_url(report.pk),
        status=status,
        submit="Start the investigation",
    )


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    investigation = selectors.investigation_get(user=request.user, report_id=pk, for_change=True)
    form = ContactForm(bound(request), persons=selectors.person_choices(user=request.user))
    contact, status = submit(
        form,
        lambda: services.contact_record(actor=request.user, investigation=investigation, **form.cleaned_data),
        invalid=200,
    )
    if contact is not None:
        messages.success(request, f"{contact} is recorded.")
        return redirect(_report_url(pk))
    return _form_page(
        request,
        form=form,
        case=investigation.report.case,
        title=f"Record a contact in the investigation of report {investigation.report.number}",
        back=_report_url(pk),
        status=status,
        intro="Choose a person on record, or name a collateral contact (a teacher, a doctor, a neighbour).",
    )


def finding_record(request: HttpRequest, pk: int) -> HttpResponse:
    allegation = selectors.allegation_get(user=request.user, allegation_id=pk, for_change=True)
    form = FindingForm(bound(request), instance=copy.copy(allegation))
    found, status = submit(
        form,
        lambda: services.allegation_finding_record(
            actor=request.user,
            allegation=allegation,
            version=form.cleaned_data["version"],
            finding=form.cleaned_data["finding"],
            note=form.cleaned_data["finding_note"],
            found_on=form.cleaned_data["found_on"],
        ),
        invalid=200,
    )
    if found is not None:
        messages.success(request, f"Finding recorded: {found.get_finding_display().lower()}.")
        return redirect(_report_url(allegation.report_id))
    facts = [
        ("Child", field_mention(allegation, "child")),
        ("Alleged maltreatment", allegation.get_maltreatment_display()),
        ("Alleged perpetrator", field_mention(allegation, "alleged_perpetrator") or "Not known"),
        ("What is alleged", allegation.description),
    ]
    return _form_page(
        request,
        form=form,
        case=allegation.report.case,
        title=f"Finding on an allegation in report {allegation.report.number}",
        back=_report_url(allegation.report_id),
        status=status,
        facts=facts,
    )


def investigation_close(request: HttpRequest, pk: int) -> HttpResponse:
    investigation = selectors.investigation_get(user=request.user, report_id=pk, for_change=True)
    form = InvestigationCloseForm(bound(request), instance=copy.copy(investigation))
    closed, status = submit(
        form,
        lambda: services.investigation_close(
            actor=request.user,
            investigation=investigation,
            version=form.cleaned_data["version"],
            conclusion=form.cleaned_data["conclusion"],
            closed_on=form.cleaned_data["closed_on"],
        ),
        invalid=200,
    )
    if closed is not None:
        messages.success(request, "The investigation is closed.")
        return redirect(_report_url(pk))
    return _form_page(
        request,
        form=form,
        case=investigation.report.case,
        title=f"Close the investigation of report {investigation.report.number}",
        back=_report_url(pk),
        status=status,
        submit="Close the investigation",
        intro="Every allegation needs a finding before the investigation closes.",
    )
