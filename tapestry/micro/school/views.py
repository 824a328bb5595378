"""Pages of school social work: parse, call a service or selector, render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tapestry.access.audit import audit_form_open
from tapestry.access.errors import StaleEdit
from tapestry.access.policy import Capability, has_capability
from tapestry.micro.cases.models import Case
from tapestry.micro.school import selectors, services
from tapestry.micro.school.forms import (
    AttendanceWeekForm,
    DirectoryOptOutForm,
    EngagementForm,
    EnrolForm,
    FollowUpForm,
    IncidentForm,
    SupportPlanForm,
)
from tapestry.micro.school.models import EducationSupportPlan


def _bound(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _can_add(request: HttpRequest, case: Case) -> bool:
    return (
        has_capability(request.user, Capability.PERSON_WRITE)
        and case.case_type == Case.Type.SCHOOL
        and case.status != Case.Status.CLOSED
    )


def case_url(case: Case) -> str:
    """The case's own page, once the cases app serves one (this app does not depend on its name)."""
    try:
        return reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        return ""


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    overview = selectors.case_overview(user=request.user, case_id=case_pk)
    context = {
        "overview": overview,
        "case": overview.case,
        "is_school_case": overview.case.case_type == Case.Type.SCHOOL,
        "can_add": _can_add(request, overview.case),
        "case_url": case_url(overview.case),
    }
    return render(request, "school/case_index.html", context)


def student_enrol(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: enrol a student")
    form = EnrolForm(_bound(request), schools=selectors.schools())
    if form.is_bound and form.is_valid():
        try:
            student = services.student_enrol(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, f"{student.person} is enrolled at {student.school}.")
            return redirect("school:student_detail", pk=student.pk)
    return render(request, "school/form_page.html", _form_context(case, form, "Enrol a student"))


def _form_context(case: Case, form: Any, title: str, **extra: Any) -> dict[str, Any]:
    return {"case": case, "form": form, "title": title, **extra}


def student_detail(request: HttpRequest, pk: int) -> HttpResponse:
    detail = selectors.student_detail(user=request.user, student_id=pk)
    context = {
        "detail": detail,
        "student": detail.student,
        "can_add": _can_add(request, detail.student.case),
        "can_change_directory": has_capability(request.user, Capability.PERSON_WRITE),
    }
    return render(request, "school/student_detail.html", context)


def _week(request: HttpRequest) -> dt.date:
    """The Monday of the week asked for (?week=YYYY-MM-DD), this week if none or unreadable."""
    try:
        day = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    return selectors.monday_of(day)


def attendance_week(request: HttpRequest, pk: int) -> HttpResponse:
    student = selectors.student_get(user=request.user, student_id=pk, for_change=True)
    audit_form_open(
        request,
        obj=student,
        person_id=student.person_id,
        fields=["name", "school", "attendance"],
        purpose="form: record a week's attendance",
    )
    monday = _week(request)
    existing = {
        record.date: record
        for record in selectors.attendance_for_student(
            student=student, since=monday, until=monday + dt.timedelta(days=4)
        )
    }
    form = AttendanceWeekForm(_bound(request), monday=monday, existing=existing)
    if form.is_bound and form.is_valid():
        try:
            saved = services.attendance_record(
                actor=request.user, student=student, days=form.attendance_days()
            )
        except ValidationError as error:
            form.show_day_errors(error)
        else:
            messages.success(request, f"Attendance for the week of {monday:%d %B} is saved.")
            for alert in saved.alerts:
                messages.warning(
                    request,
                    f"Truancy alert: {alert.unexcused_absences} unexcused absences since "
                    f"{alert.period_start:%d %B}. Follow it up from the student's page.",
                )
            return redirect("school:student_detail", pk=student.pk)
    context = {
        "student": student,
        "case": student.case,
        "form": form,
        "monday": monday,
        "previous_week": monday - dt.timedelta(weeks=1),
        "next_week": monday + dt.timedelta(weeks=1),
        "is_current_week": monday == selectors.monday_of(timezone.localdate()),
    }
    return render(request, "school/attendance_week.html", context)


def incident_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(
        request, obj=case, fields=["case", "name", "students"], purpose="form: record a behaviour incident"
    )
    students = selectors.students_with_attendance(user=request.user).filter(case=case)
    form = IncidentForm(_bound(request), students=students)
    if form.is_bound and form.is_valid():
        try:
            services.incident_record(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The incident is recorded.")
            return redirect("school:case_index", case_pk=case.pk)
    return render(request, "school/form_page.html", _form_context(case, form, "Record a behaviour incident"))


def support_plan(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk)
    plan = selectors.support_plan_get(user=request.user, case=case)
    context = {"case": case, "plan": plan, "can_add": _can_add(request, case)}
    return render(request, "school/support_plan.html", context)


def support_plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.support_plan_get(user=request.user, case=case)
    form = SupportPlanForm(
        _bound(request),
        instance=plan or EducationSupportPlan(),
        initial={"version": plan.version if plan else 0},
    )
    status = 200
    if form.is_bound and form.is_valid():
        try:
            services.support_plan_save(
                actor=request.user, case=case, version=form.cleaned_data["version"], changes=form.changes()
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            status = 409
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The education support plan is saved.")
            return redirect("school:support_plan", case_pk=case.pk)
    title = "Change the education support plan" if plan else "Write an education support plan"
    return render(request, "school/form_page.html", _form_context(case, form, title), status=status)


def engagement_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.support_plan_get(user=request.user, case=case)
    if plan is None:
        messages.error(request, "Write the education support plan first; family contacts are logged on it.")
        return redirect("school:support_plan", case_pk=case.pk)
    form = EngagementForm(_bound(request))
    if form.is_bound and form.is_valid():
        try:
            services.engagement_add(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The family contact is logged.")
            return redirect("school:support_plan", case_pk=case.pk)
    return render(
        request, "school/form_page.html", _form_context(case, form, "Log a contact with the family")
    )


def alert_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, alert_id=pk, for_change=True)
    audit_form_open(
        request,
        obj=alert,
        person_id=alert.student.person_id,
        fields=["name", "unexcused_absences"],
        purpose="form: follow up a truancy alert",
    )
    form = FollowUpForm(_bound(request))
    if form.is_bound and form.is_valid():
        try:
            services.truancy_alert_follow_up(actor=request.user, alert=alert, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The follow-up is recorded; the alert is closed.")
            return redirect("school:student_detail", pk=alert.student_id)
    context = _form_context(alert.student.case, form, "Follow up a truancy alert", alert=alert)
    return render(request, "school/form_page.html", context)


def directory_opt_out(request: HttpRequest, pk: int) -> HttpResponse:
    student = selectors.student_get(user=request.user, student_id=pk, for_change=True)
    audit_form_open(request, obj=student, person_id=student.person_id, fields=["name", "directory_opt_out"])
    initial = {"opt_out": student.directory_opt_out, "on": student.directory_opt_out_on}
    form = DirectoryOptOutForm(_bound(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.student_directory_opt_out(
                actor=request.user,
                student=student,
                opt_out=form.cleaned_data["opt_out"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(request, "The directory-information choice is recorded.")
            return redirect("school:student_detail", pk=student.pk)
    context = _form_context(student.case, form, "Directory information (FERPA)", student=student)
    return render(request, "school/form_page.html", context)
