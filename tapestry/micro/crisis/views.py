"""Pages of crisis work: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.micro.cases.selectors import case_get
from tapestry.micro.crisis import selectors, services
from tapestry.micro.crisis.forms import (
    EmergencyContactFormSet,
    FollowUpCompleteForm,
    FollowUpForm,
    RiskAssessmentForm,
    SafetyPlanForm,
)
from tapestry.web.html_pdf import pdf_download, render_pdf
from tapestry.web.pages import bound, case_page_url, form_page, save_page, submit


def _positive_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def _screen_url(assessment_id: int | None) -> str:
    """A link to the standardised screen that prompted a risk assessment, where that page exists."""
    if not assessment_id:
        return ""
    try:
        return reverse("assessments:assessment_detail", kwargs={"pk": assessment_id})
    except NoReverseMatch:
        return ""


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    overview = selectors.crisis_overview(user=request.user, case_id=case_pk)
    context = {
        "overview": overview,
        "case": overview.case,
        "case_url": case_page_url(overview.case, or_person=True),
    }
    return render(request, "crisis/case_index.html", context)


def risk_assessment_new(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: record a risk assessment")
    trigger = _positive_int(request.GET.get("from_assessment"))
    form = RiskAssessmentForm(bound(request), initial={"from_assessment": trigger})
    contacts = EmergencyContactFormSet(bound(request), prefix="emergency")

    def record() -> Any:
        if not contacts.is_valid():
            return None
        return services.risk_assessment_record(
            actor=request.user,
            case=case,
            findings=form.findings(),
            protective_factors=form.cleaned_data["protective_factors"],
            immediate_actions=form.cleaned_data["immediate_actions"],
            emergency_contacts=[c for c in (f.contact() for f in contacts) if c is not None],
            assessed_at=form.cleaned_data["assessed_at"],
            trigger_assessment_id=form.cleaned_data["from_assessment"],
        )

    assessment, status = submit(form, record, invalid=200)
    if assessment is not None:
        level = assessment.get_highest_level_display().lower()
        if assessment.is_urgent:
            messages.warning(
                request,
                gettext("Risk assessment saved: %(level)s risk. Set an urgent follow-up and a safety plan.")
                % {"level": level},
            )
        else:
            messages.success(
                request, gettext("Risk assessment saved: highest level %(level)s.") % {"level": level}
            )
        return redirect("crisis:risk_assessment_detail", pk=assessment.pk)
    trigger = form["from_assessment"].value() if form.is_bound else trigger
    return form_page(
        request,
        "crisis/risk_assessment_form.html",
        form=form,
        status=status,
        case=case,
        contacts=contacts,
        trigger=_positive_int(str(trigger or "")),
        case_url=case_page_url(case, or_person=True),
    )


def risk_assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.risk_assessment_detail(user=request.user, risk_assessment_id=pk)
    context = {
        "assessment": assessment,
        "case": assessment.case,
        "screen_url": _screen_url(assessment.trigger_assessment_id),
    }
    return render(request, "crisis/risk_assessment_detail.html", context)


def safety_plan(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk)
    plan = selectors.safety_plan_detail(user=request.user, case=case)
    return render(request, "crisis/safety_plan.html", {"case": case, "plan": plan})


def safety_plan_print(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk)
    plan = selectors.safety_plan_detail(user=request.user, case=case, purpose="print safety plan for client")
    return render(request, "crisis/safety_plan_print.html", {"case": case, "plan": plan})


def safety_plan_pdf(request: HttpRequest, case_pk: int) -> HttpResponse:
    return safety_plan_pdf_response(request, case_pk, purpose="safety plan PDF for client")


def safety_plan_pdf_response(request: HttpRequest, case_id: int, *, purpose: str) -> HttpResponse:
    """The safety plan as a PDF download to give the client, read (and audited) as its printout is."""
    case = case_get(user=request.user, case_id=case_id)
    plan = selectors.safety_plan_detail(user=request.user, case=case, purpose=purpose)
    if plan is None:
        raise Http404("This case has no safety plan yet.")
    context = {
        "case": case,
        "plan": plan,
        "printed_at": timezone.now(),
        "printed_by": request.user.get_full_name() or request.user.username,
    }
    body = render_pdf("crisis/safety_plan_pdf.html", context, request)
    return pdf_download(body, f"safety-plan-{case.number}.pdf")


def safety_plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    if request.method == "POST":
        plan = selectors.safety_plan_of(user=request.user, case=case)
    else:
        plan = selectors.safety_plan_detail(user=request.user, case=case, purpose="edit safety plan")
    form = SafetyPlanForm(bound(request), plan=plan)
    result, status = submit(
        form,
        lambda: services.safety_plan_save(
            actor=request.user, case=case, version=form.cleaned_data["version"], sections=form.sections()
        ),
        invalid=200,
    )
    if result is not None:
        saved, created = result
        messages.success(
            request,
            gettext("Safety plan written.")
            if created
            else gettext("Safety plan saved (version %(version)s).") % {"version": saved.version},
        )
        return redirect("crisis:safety_plan", case_pk=case.pk)
    return form_page(request, "crisis/safety_plan_form.html", form=form, status=status, case=case, plan=plan)


def follow_up_new(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: set a crisis follow-up")
    owners = selectors.follow_up_owner_choices(user=request.user, case=case)
    form = FollowUpForm(bound(request), owners=owners, initial={"owner": request.user.pk})
    source_id = _positive_int(request.GET.get("risk_assessment"))
    source = None
    if source_id:
        source = selectors.risk_assessment_get(user=request.user, risk_assessment_id=source_id)
    return save_page(
        request,
        "crisis/follow_up_form.html",
        form=form,
        call=lambda: services.follow_up_set(
            actor=request.user,
            case=case,
            title=form.cleaned_data["title"],
            details=form.cleaned_data["details"],
            due_at=form.deadline(),
            owner=form.cleaned_data["owner"],
            risk_assessment=source,
        ),
        done=lambda follow_up: gettext("Follow-up set: %(follow_up)s.") % {"follow_up": follow_up},
        then=reverse("crisis:case_index", kwargs={"case_pk": case.pk}),
        invalid=200,
        case=case,
        source=source,
    )


def follow_up_complete(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        follow_up = selectors.follow_up_get(user=request.user, follow_up_id=pk, for_change=True)
    else:
        follow_up = selectors.follow_up_detail(user=request.user, follow_up_id=pk, for_change=True)
    form = FollowUpCompleteForm(bound(request))
    return save_page(
        request,
        "crisis/follow_up_complete.html",
        form=form,
        call=lambda: services.follow_up_complete(
            actor=request.user, follow_up=follow_up, **form.cleaned_data
        ),
        done=gettext("Follow-up done: %(title)s.") % {"title": follow_up.title},
        then=reverse("crisis:case_index", kwargs={"case_pk": follow_up.case_id}),
        invalid=200,
        follow_up=follow_up,
        case=follow_up.case,
    )
