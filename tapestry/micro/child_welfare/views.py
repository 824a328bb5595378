"""Child-welfare pages: parse the form, call one service or selector, render."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tapestry.access.audit import audit_form_open
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.forms import (
    AllegationForm,
    ContactForm,
    FindingForm,
    HearingForm,
    HearingOutcomeForm,
    InvestigationCloseForm,
    InvestigationStartForm,
    ParticipantForm,
    PermanencyGoalForm,
    PlacementEndForm,
    PlacementForm,
    PlanActionForm,
    ReportForm,
    SafetyAssessmentForm,
    SafetyPlanEditForm,
    SafetyPlanForm,
    ScreeningForm,
    TerminationReviewForm,
)
from tapestry.micro.child_welfare.models import Report
from tapestry.people import selectors as people_selectors
from tapestry.people.mentions import field_mention
from tapestry.web.pages import bound, form_page, submit


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def _form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    case: Case,
    title: str,
    back: str,
    status: int = 200,
    submit: str = "Save",
    intro: str = "",
    facts: list[tuple[str, Any]] | None = None,
    read_audited: bool = False,
) -> HttpResponse:
    """Render a child-welfare form; its case header names the child, so opening it is a read.

    `read_audited` says the page's selector has already recorded this read (no second entry).
    """
    return form_page(
        request,
        "child_welfare/form.html",
        form=form,
        status=status,
        audit=None if read_audited else lambda: audit_form_open(request, obj=case, fields=["case", "name"]),
        case=case,
        title=title,
        back=back,
        submit=submit,
        intro=intro,
        facts=facts or [],
    )


def _index(case_pk: int) -> str:
    return reverse("child_welfare:case_index", kwargs={"case_pk": case_pk})


def _report_url(report_pk: int) -> str:
    return reverse("child_welfare:report_detail", kwargs={"pk": report_pk})


# The case's child-welfare index ------------------------------------------------------------------


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    record = selectors.case_child_welfare(user=request.user, case_id=case_pk)
    return render(request, "child_welfare/case_index.html", {"record": record, "case": record.case})


# Reports ------------------------------------------------------------------------------------------


def report_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = ReportForm(bound(request), persons=selectors.person_choices(user=request.user), child=case.person)
    report, status = submit(
        form,
        lambda: services.report_receive(
            actor=request.user,
            case=case,
            **form.report_fields(),
            allegations=[form.allegation()],
            participants=form.participants(),
        ),
        invalid=200,
    )
    if report is not None:
        messages.success(request, f"Report {report.number} is recorded and awaits screening.")
        return redirect(_report_url(report.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record a report of suspected abuse or neglect",
        back=_index(case.pk),
        status=status,
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
    report, status = submit(
        form,
        lambda: services.report_receive_opening_case(
            actor=request.user,
            person=person,
            **form.report_fields(),
            allegations=[form.allegation()],
            participants=form.participants(),
        ),
        invalid=200,
    )
    if report is not None:
        messages.success(
            request, f"Child-welfare case {report.case.number} is open, with report {report.number} on it."
        )
        return redirect(_report_url(report.pk))
    context = {
        "form": form,
        "person": person,
        "title": f"New child-welfare report about {person.display_name}",
        "submit": "Open the case and record the report",
    }
    return render(request, "child_welfare/report_new_case.html", context, status=status)


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
    screened, status = submit(
        form,
        lambda: services.report_screen(
            actor=request.user,
            report=report,
            version=form.cleaned_data["version"],
            decision=form.cleaned_data["screening"],
            reason=form.cleaned_data["screening_reason"],
            referred_to=form.cleaned_data["referred_to"],
            response_priority=form.cleaned_data["response_priority"],
        ),
        invalid=200,
    )
    if screened is not None:
        messages.success(request, f"Report {screened.number}: {screened.get_screening_display().lower()}.")
        return redirect(_report_url(report.pk))
    facts = [
        ("Received", _when(report.received_at)),
        ("Reporter", report.get_reporter_type_display()),
        ("What was reported", report.concerns),
        ("Allegations", "; ".join(str(allegation) for allegation in report.allegations.all())),
    ]
    return _form_page(
        request,
        form=form,
        case=report.case,
        title=f"Screen report {report.number}",
        back=_report_url(report.pk),
        status=status,
        submit="Record the decision",
        facts=facts,
        read_audited=True,
    )


def allegation_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    form = AllegationForm(bound(request), persons=selectors.person_choices(user=request.user))
    added, status = submit(
        form,
        lambda: services.allegation_add(actor=request.user, report=report, allegation=form.allegation()),
        invalid=200,
    )
    if added is not None:
        messages.success(request, f"Allegation added: {added}.")
        return redirect(_report_url(report.pk))
    return _form_page(
        request,
        form=form,
        case=report.case,
        title=f"Add an allegation to report {report.number}",
        back=_report_url(report.pk),
        status=status,
    )


def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(user=request.user, report_id=pk, for_change=True)
    form = ParticipantForm(bound(request), persons=selectors.person_choices(user=request.user))
    added, status = submit(
        form,
        lambda: services.participant_add(actor=request.user, report=report, **form.cleaned_data),
        invalid=200,
    )
    if added is not None:
        messages.success(request, f"{added} is named on report {report.number}.")
        return redirect(_report_url(report.pk))
    return _form_page(
        request,
        form=form,
        case=report.case,
        title=f"Name a child or adult involved in report {report.number}",
        back=_report_url(report.pk),
        status=status,
    )


# Investigation --------------------------------------------------------------------------------------


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


# Safety ------------------------------------------------------------------------------------------------


def _safety_url(assessment_pk: int) -> str:
    return reverse("child_welfare:safety_detail", kwargs={"pk": assessment_pk})


def safety_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    reports = selectors.case_report_choices(user=request.user, case=case)
    form = SafetyAssessmentForm(bound(request), reports=reports)
    assessment, status = submit(
        form, lambda: services.safety_assess(actor=request.user, case=case, **form.cleaned_data), invalid=200
    )
    if assessment is not None:
        messages.success(request, f"Safety assessment recorded: {assessment.get_decision_display().lower()}.")
        return redirect(_safety_url(assessment.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record a safety assessment",
        back=_index(case.pk),
        status=status,
        intro="Safe: no threat found. Conditionally safe: threats, controlled by a safety plan. Unsafe: the child cannot stay at home.",
    )


def safety_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_detail(user=request.user, assessment_id=pk)
    context = {"assessment": assessment, "case": assessment.case, "plan": selectors.plan_of(assessment)}
    return render(request, "child_welfare/safety_detail.html", context)


def safety_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_get(user=request.user, assessment_id=pk, for_change=True)
    if selectors.plan_of(assessment) is not None and request.method == "GET":
        messages.info(request, "This assessment already has a safety plan.")
        return redirect(_safety_url(assessment.pk))
    form = SafetyPlanForm(bound(request), persons=selectors.person_choices(user=request.user))
    plan, status = submit(
        form,
        lambda: services.safety_plan_create(
            actor=request.user,
            assessment=assessment,
            monitoring=form.cleaned_data["monitoring"],
            review_on=form.cleaned_data["review_on"],
            actions=[form.plan_action()],
        ),
        invalid=200,
    )
    if plan is not None:
        messages.success(request, "The safety plan is recorded.")
        return redirect(_safety_url(assessment.pk))
    return _form_page(
        request,
        form=form,
        case=assessment.case,
        title="Make a safety plan",
        back=_safety_url(assessment.pk),
        status=status,
        intro="Record the first action here; add the others on the assessment's page.",
    )


def safety_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=pk, for_change=True)
    form = SafetyPlanEditForm(bound(request), instance=copy.copy(plan))
    saved, status = submit(
        form,
        lambda: services.safety_plan_update(
            actor=request.user,
            plan=plan,
            version=form.cleaned_data["version"],
            monitoring=form.cleaned_data["monitoring"],
            review_on=form.cleaned_data["review_on"],
        ),
        invalid=200,
    )
    if saved is not None:
        messages.success(request, "The safety plan is changed.")
        return redirect(_safety_url(pk))
    return _form_page(
        request,
        form=form,
        case=plan.assessment.case,
        title="Change the safety plan's monitoring",
        back=_safety_url(pk),
        status=status,
    )


def safety_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.safety_get(user=request.user, assessment_id=pk, for_change=True)
    plan = selectors.plan_of(assessment)
    if plan is None:
        raise Http404("This assessment has no safety plan yet.")
    form = PlanActionForm(bound(request), persons=selectors.person_choices(user=request.user))
    action, status = submit(
        form,
        lambda: services.safety_plan_action_add(actor=request.user, plan=plan, action=form.plan_action()),
        invalid=200,
    )
    if action is not None:
        messages.success(request, "The action is added to the safety plan.")
        return redirect(_safety_url(pk))
    return _form_page(
        request,
        form=form,
        case=assessment.case,
        title="Add an action to the safety plan",
        back=_safety_url(pk),
        status=status,
    )


# Placements and hearings ------------------------------------------------------------------------------


def placement_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    persons = selectors.person_choices(user=request.user)
    form = PlacementForm(
        bound(request),
        children=selectors.case_children(user=request.user, case=case),
        persons=persons,
        organisations=selectors.organisation_choices(),
    )
    placement, status = submit(
        form,
        lambda: services.placement_start(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if placement is not None:
        messages.success(request, f"Placement recorded: {placement}.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record a placement",
        back=_index(case.pk),
        status=status,
        intro="A child has one placement at a time. When a child moves, tick 'End the current placement' and say why.",
    )


def placement_end(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_get(user=request.user, placement_id=pk, for_change=True)
    if not placement.is_open and request.method == "GET":
        messages.info(request, f"This placement already ended on {placement.ended_on:%Y-%m-%d}.")
        return redirect(_index(placement.case_id))
    form = PlacementEndForm(bound(request), instance=copy.copy(placement))
    ended, status = submit(
        form,
        lambda: services.placement_end(
            actor=request.user,
            placement=placement,
            version=form.cleaned_data["version"],
            ended_on=form.cleaned_data["ended_on"],
            end_reason=form.cleaned_data["end_reason"],
        ),
        invalid=200,
    )
    if ended is not None:
        messages.success(request, f"The placement ended on {ended.ended_on:%Y-%m-%d}.")
        return redirect(_index(placement.case_id))
    facts = [
        ("Child", placement.child),
        ("Placement", placement.get_placement_type_display()),
        ("Carer", selectors.placement_carer_text(placement)),
        ("Since", f"{placement.started_on:%Y-%m-%d}"),
    ]
    return _form_page(
        request,
        form=form,
        case=placement.case,
        title="End a placement",
        back=_index(placement.case_id),
        status=status,
        facts=facts,
    )


def hearing_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = HearingForm(
        bound(request),
        courts=selectors.court_choices(),
        children=selectors.case_children(user=request.user, case=case),
    )
    hearing, status = submit(
        form,
        lambda: services.hearing_schedule(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if hearing is not None:
        messages.success(request, f"{hearing} is on the calendar.")
        return redirect(_index(case.pk))
    return _form_page(
        request, form=form, case=case, title="Schedule a court hearing", back=_index(case.pk), status=status
    )


def hearing_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = selectors.hearing_get(user=request.user, hearing_id=pk, for_change=True)
    form = HearingOutcomeForm(bound(request), instance=copy.copy(hearing))
    saved, status = submit(
        form,
        lambda: services.hearing_record_outcome(
            actor=request.user,
            hearing=hearing,
            version=form.cleaned_data["version"],
            outcome=form.cleaned_data["outcome"],
            next_hearing_on=form.cleaned_data["next_hearing_on"],
        ),
        invalid=200,
    )
    if saved is not None:
        messages.success(request, "The hearing's outcome is recorded.")
        return redirect(_index(hearing.case_id))
    facts = [
        ("Hearing", hearing.get_hearing_type_display()),
        ("Court", hearing.court),
        ("When", _when(hearing.scheduled_at)),
        ("Child", hearing.child or "Every child on the case"),
    ]
    return _form_page(
        request,
        form=form,
        case=hearing.case,
        title="Record a hearing's outcome",
        back=_index(hearing.case_id),
        status=status,
        facts=facts,
    )


# Permanency ------------------------------------------------------------------------------------------------


def permanency_goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = PermanencyGoalForm(
        bound(request), children=selectors.case_children_placed(user=request.user, case=case)
    )
    goal, status = submit(
        form,
        lambda: services.permanency_goal_set(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if goal is not None:
        messages.success(request, f"{goal} recorded.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Set a permanency goal",
        back=_index(case.pk),
        status=status,
        intro=(
            "The goal and a different concurrent plan, worked on at the same time. Another planned "
            "permanent living arrangement (APPLA) is only for a young person aged 16 or over."
        ),
    )


def termination_review_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    form = TerminationReviewForm(
        bound(request), children=selectors.case_children_placed(user=request.user, case=case)
    )
    review, status = submit(
        form,
        lambda: services.termination_review_record(actor=request.user, case=case, **form.cleaned_data),
        invalid=200,
    )
    if review is not None:
        messages.success(request, f"{review} recorded.")
        return redirect(_index(case.pk))
    return _form_page(
        request,
        form=form,
        case=case,
        title="Record the 15-of-22-months decision",
        back=_index(case.pk),
        status=status,
        intro=(
            "Once a child has been in foster care 15 of the most recent 22 months, the agency files or joins a "
            "petition to terminate parental rights, unless an exception applies (42 U.S.C. 675(5)(E))."
        ),
    )
