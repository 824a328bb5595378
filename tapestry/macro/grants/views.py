"""Pages for grants: funders, opportunities, the pipeline, an application with its proposal and award,
and the deadlines to come. Each view parses, calls one selector or service, and renders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.macro.grants import selectors, services
from tapestry.macro.grants.forms import (
    AllocationForm,
    ApplicationEditForm,
    ApplicationForm,
    AwardEditForm,
    AwardForm,
    DeliverableEditForm,
    DeliverableForm,
    FunderEditForm,
    FunderForm,
    FunderReportEditForm,
    FunderReportForm,
    MoveForm,
    OpportunityEditForm,
    OpportunityForm,
    ProposalForm,
    ReportEditForm,
    ReportForm,
    SubmitReportForm,
)
from tapestry.macro.grants.models import ProposalVersion
from tapestry.macro.grants.pdf import report_pdf
from tapestry.web.forms import ServiceModelForm, VersionedForm
from tapestry.web.pages import bound, save_page

FORM = "grants/form.html"


def _url(name: str, pk: int | None = None) -> str:
    return reverse(f"grants:{name}", args=[] if pk is None else [pk])


def _versioned_save(
    request: HttpRequest, form: VersionedForm, service: Callable[..., Any], record: Model, name: str
) -> dict[str, Any]:
    """The form and service call of an edit page: the service gets the version the form was loaded at."""
    return {
        "form": form,
        "call": lambda: service(
            actor=request.user, **{name: record}, version=form.cleaned_data["version"], changes=form.changes()
        ),
    }


# Funders -----------------------------------------------------------------------------------------


def funder_list(request: HttpRequest) -> HttpResponse:
    return render(request, "grants/funder_list.html", {"funders": selectors.funder_list(user=request.user)})


def funder_create(request: HttpRequest) -> HttpResponse:
    form = FunderForm(bound(request))
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.funder_create(actor=request.user, **form.changes()),
        done=lambda funder: gettext("%(funder)s is kept as a funder.") % {"funder": funder},
        then=lambda funder: _url("funder_detail", funder.pk),
        heading=gettext("Add a funder"),
        back=_url("funder_list"),
    )


def funder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    funder = selectors.funder_get(user=request.user, funder_id=pk)
    context = {"funder": funder, "opportunities": selectors.funder_opportunities(funder)}
    return render(request, "grants/funder_detail.html", context)


def funder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    funder = selectors.funder_get(user=request.user, funder_id=pk)
    form = FunderEditForm(bound(request), instance=funder)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.funder_update, funder, "funder"),
        done=gettext("Changes to %(funder)s are saved.") % {"funder": funder},
        then=_url("funder_detail", pk),
        heading=gettext("Change %(funder)s") % {"funder": funder},
        back=_url("funder_detail", pk),
    )


# Opportunities -----------------------------------------------------------------------------------


def opportunity_list(request: HttpRequest) -> HttpResponse:
    open_only = request.GET.get("open") == "yes"
    rows = selectors.opportunity_list(user=request.user, open_only=open_only)
    return render(request, "grants/opportunity_list.html", {"opportunities": rows, "open_only": open_only})


def opportunity_create(request: HttpRequest) -> HttpResponse:
    form = OpportunityForm(bound(request), initial=request.GET.dict())
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.opportunity_create(actor=request.user, **form.changes()),
        done=lambda row: gettext("“%(title)s” is added.") % {"title": row},
        then=lambda row: _url("opportunity_detail", row.pk),
        heading=gettext("Add a grant opportunity"),
        back=_url("opportunity_list"),
    )


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_get(user=request.user, opportunity_id=pk)
    context = {"opportunity": opportunity, "applications": selectors.opportunity_applications(opportunity)}
    return render(request, "grants/opportunity_detail.html", context)


def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_get(user=request.user, opportunity_id=pk)
    form = OpportunityEditForm(bound(request), instance=opportunity)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.opportunity_update, opportunity, "opportunity"),
        done=gettext("Changes to “%(title)s” are saved.") % {"title": opportunity},
        then=_url("opportunity_detail", pk),
        heading=gettext("Change “%(title)s”") % {"title": opportunity},
        back=_url("opportunity_detail", pk),
    )


def application_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_get(user=request.user, opportunity_id=pk)
    form = ApplicationForm(bound(request), initial={"lead": request.user.pk})
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.application_create(
            actor=request.user, opportunity=opportunity, **form.changes()
        ),
        done=lambda row: gettext("“%(title)s” is in the pipeline as a prospect.") % {"title": row},
        then=lambda row: _url("application_detail", row.pk),
        heading=gettext("Apply for “%(title)s”") % {"title": opportunity},
        back=_url("opportunity_detail", pk),
    )


# The pipeline and an application -----------------------------------------------------------------


def pipeline(request: HttpRequest) -> HttpResponse:
    context = {
        "pipeline": selectors.pipeline(user=request.user),
        "may_manage": selectors.may_manage(request.user),
    }
    return render(request, "grants/pipeline.html", context)


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.application_page(user=request.user, application_id=pk)
    move = MoveForm(application=page.application) if page.application.next_stages else None
    return render(request, "grants/application_detail.html", {"page": page, "move": move})


def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, application_id=pk)
    form = ApplicationEditForm(bound(request), instance=application)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.application_update, application, "application"),
        done=gettext("The application is saved."),
        then=_url("application_detail", pk),
        heading=gettext("Change “%(title)s”") % {"title": application},
        back=_url("application_detail", pk),
    )


def application_move(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, application_id=pk)
    form = MoveForm(bound(request), application=application)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.application_move(
            actor=request.user,
            application=application,
            version=form.cleaned_data["version"],
            stage=form.cleaned_data["stage"],
            note=form.cleaned_data["note"],
            on=form.cleaned_data["on"],
        ),
        done=lambda row: gettext("“%(title)s” is now %(stage)s.")
        % {"title": row, "stage": row.get_stage_display().lower()},
        then=_url("application_detail", pk),
        heading=gettext("Move “%(title)s” along the pipeline") % {"title": application},
        back=_url("application_detail", pk),
    )


def proposal_save(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, application_id=pk)
    latest = selectors.latest_proposal(application)
    form = ProposalForm(bound(request), instance=None, initial=_sections(latest))
    return save_page(
        request,
        "grants/proposal_form.html",
        form=form,
        call=lambda: services.proposal_save(actor=request.user, application=application, **form.changes()),
        done=lambda row: gettext("Version %(number)s of the proposal is saved.") % {"number": row.number},
        then=_url("application_detail", pk),
        application=application,
        latest=latest,
    )


def _sections(latest: ProposalVersion | None) -> dict[str, str]:
    if latest is None:
        return {}
    return {name: getattr(latest, name) for name in latest.SECTIONS}


def proposal_version(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.proposal_version_get(user=request.user, version_id=pk)
    return render(request, "grants/proposal_version.html", {"version": version})


# The award ---------------------------------------------------------------------------------------


def award_create(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, application_id=pk)
    form = AwardForm(bound(request), initial={"amount": application.amount_requested})
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.award_create(actor=request.user, application=application, **form.changes()),
        done=gettext("The award is recorded."),
        then=_url("application_detail", pk),
        heading=gettext("Record the award on “%(title)s”") % {"title": application},
        back=_url("application_detail", pk),
    )


def award_edit(request: HttpRequest, pk: int) -> HttpResponse:
    award = selectors.award_get(user=request.user, award_id=pk)
    form = AwardEditForm(bound(request), instance=award)
    back = _url("application_detail", award.application_id)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.award_update, award, "award"),
        done=gettext("The award is saved."),
        then=back,
        heading=gettext("Change the award on “%(title)s”") % {"title": award.application},
        back=back,
    )


def _award_part(
    request: HttpRequest,
    pk: int,
    form_class: type[ServiceModelForm],
    service: Callable[..., Any],
    done: str,
    heading: str,
) -> HttpResponse:
    award = selectors.award_get(user=request.user, award_id=pk)
    form = form_class(bound(request))
    back = _url("application_detail", award.application_id)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: service(actor=request.user, award=award, **form.changes()),
        done=done,
        then=back,
        heading=heading % {"title": award.application},
        back=back,
    )


def award_program_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _award_part(
        request,
        pk,
        AllocationForm,
        services.award_program_add,
        gettext("The program is funded by the award."),
        gettext("Add a program funded by the award on “%(title)s”"),
    )


def deliverable_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _award_part(
        request,
        pk,
        DeliverableForm,
        services.deliverable_add,
        gettext("The deliverable is added."),
        gettext("Add a deliverable on “%(title)s”"),
    )


def report_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _award_part(
        request,
        pk,
        ReportForm,
        services.report_add,
        gettext("The reporting deadline is added."),
        gettext("Add a reporting deadline on “%(title)s”"),
    )


def deliverable_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.deliverable_get(user=request.user, deliverable_id=pk)
    form = DeliverableEditForm(bound(request), instance=row)
    back = _url("application_detail", row.award.application_id)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.deliverable_update, row, "deliverable"),
        done=gettext("The deliverable is saved."),
        then=back,
        heading=gettext("Change “%(title)s”") % {"title": row},
        back=back,
    )


def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.report_get(user=request.user, report_id=pk)
    form = ReportEditForm(bound(request), instance=row)
    back = _url("application_detail", row.award.application_id)
    return save_page(
        request,
        FORM,
        **_versioned_save(request, form, services.report_update, row, "report"),
        done=gettext("The reporting deadline is saved."),
        then=back,
        heading=gettext("Change the %(deadline)s") % {"deadline": row},
        back=back,
    )


def deadline_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.deadlines(user=request.user)
    return render(request, "grants/deadline_list.html", {"deadlines": rows})


# Funder reports ----------------------------------------------------------------------------------

REPORT_FORM = FORM


def funder_report_create(request: HttpRequest, pk: int) -> HttpResponse:
    award = selectors.award_get(user=request.user, award_id=pk)
    initial = {
        "title": gettext("Report to %(funder)s on %(application)s")
        % {"funder": award.application.opportunity.funder, "application": award.application},
        "period_start": award.starts_on,
        "period_end": min(award.ends_on, timezone.localdate()),
        "indicators": selectors.award_indicator_ids(award),
    }
    form = FunderReportForm(bound(request), initial=initial, award=award)
    back = _url("application_detail", award.application_id)
    return save_page(
        request,
        REPORT_FORM,
        form=form,
        call=lambda: services.funder_report_create(actor=request.user, award=award, **form.changes()),
        done=gettext("The funder report is saved as a draft."),
        then=lambda row: _url("funder_report_detail", row.pk),
        heading=gettext("Write a report to the funder on “%(title)s”") % {"title": award.application},
        back=back,
    )


def funder_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.funder_report_page(user=request.user, report_id=pk)
    submit = None if report.frozen else SubmitReportForm(report=report)
    return render(request, "grants/funder_report_detail.html", {"report": report, "submit": submit})


def funder_report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.funder_report_get(user=request.user, report_id=pk)
    form = FunderReportEditForm(bound(request), instance=report, award=report.award)
    back = _url("funder_report_detail", pk)
    return save_page(
        request,
        REPORT_FORM,
        **_versioned_save(request, form, services.funder_report_update, report, "report"),
        done=gettext("The funder report is saved."),
        then=back,
        heading=gettext("Change “%(title)s”") % {"title": report},
        back=back,
    )


def funder_report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.funder_report_get(user=request.user, report_id=pk)
    form = SubmitReportForm(bound(request), report=report)
    back = _url("funder_report_detail", pk)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.funder_report_submit(
            actor=request.user,
            report=report,
            version=form.cleaned_data["version"],
            on=form.cleaned_data["on"],
        ),
        done=gettext("The report is submitted: its figures are kept as they are now."),
        then=back,
        heading=gettext("Submit “%(title)s”") % {"title": report},
        back=back,
    )


def funder_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.funder_report_page(user=request.user, report_id=pk)
    return pdf_response(request, report)


def pdf_response(request: HttpRequest, report: Any) -> HttpResponse:
    """The report's PDF as a download, recorded in the audit log as an export."""
    body = report_pdf(report, report.content)
    services.funder_report_exported(actor=request.user, report=report)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="funder-report-{report.pk}.pdf"'
    return response
