"""Pages of school social work: parse, call a service or selector, render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
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
from tapestry.web.pages import bound, case_page_url, save_page, submit


def _can_add(request: HttpRequest, case: Case) -> bool:
    return (
        has_capability(request.user, Capability.PERSON_WRITE)
        and case.case_type == Case.Type.SCHOOL
        and case.status != Case.Status.CLOSED
    )


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    overview = selectors.case_overview(user=request.user, case_id=case_pk)
    context = {
        "overview": overview,
        "case": overview.case,
        "is_school_case": overview.case.case_type == Case.Type.SCHOOL,
        "can_add": _can_add(request, overview.case),
        "case_url": case_page_url(overview.case),
    }
    return render(request, "school/case_index.html", context)


def student_enrol(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: enrol a student")
    form = EnrolForm(bound(request), schools=selectors.schools())
    return _save_page(
        request,
        case,
        gettext("Enrol a student"),
        form=form,
        call=lambda: services.student_enrol(actor=request.user, case=case, **form.cleaned_data),
        done=lambda student: gettext("%(person)s is enrolled at %(school)s.")
        % {"person": student.person, "school": student.school},
        then=lambda student: reverse("school:student_detail", args=[student.pk]),
    )


def _save_page(request: HttpRequest, case: Case, title: str, **page: Any) -> HttpResponse:
    """A form of this app on its shared form page (`save_page`); a refused submit answers 200."""
    return save_page(request, "school/form_page.html", invalid=200, case=case, title=title, **page)


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
    form = AttendanceWeekForm(bound(request), monday=monday, existing=existing)
    saved, status = submit(
        form,
        lambda: services.attendance_record(actor=request.user, student=student, days=form.attendance_days()),
        invalid=200,
    )
    if saved is not None:
        messages.success(
            request,
            gettext("Attendance for the week of %(monday)s is saved.")
            % {"monday": date_format(monday, "d F")},
        )
        for alert in saved.alerts:
            messages.warning(
                request,
                gettext(
                    "Truancy alert: %(count)s unexcused absences since %(start)s. "
                    "Follow it up from the student's page."
                )
                % {"count": alert.unexcused_absences, "start": date_format(alert.period_start, "d F")},
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
    return render(request, "school/attendance_week.html", context, status=status)


def incident_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(
        request, obj=case, fields=["case", "name", "students"], purpose="form: record a behaviour incident"
    )
    students = selectors.students_on_case(user=request.user, case=case)
    form = IncidentForm(bound(request), students=students)
    return _save_page(
        request,
        case,
        gettext("Record a behaviour incident"),
        form=form,
        call=lambda: services.incident_record(actor=request.user, case=case, **form.cleaned_data),
        done=gettext("The incident is recorded."),
        then=reverse("school:case_index", kwargs={"case_pk": case.pk}),
    )


def support_plan(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk)
    plan = selectors.support_plan_get(user=request.user, case=case)
    context = {"case": case, "plan": plan, "can_add": _can_add(request, case)}
    return render(request, "school/support_plan.html", context)


def support_plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.support_plan_get(user=request.user, case=case)
    form = SupportPlanForm(
        bound(request),
        instance=plan or EducationSupportPlan(),
        initial={"version": plan.version if plan else 0},
    )
    return _save_page(
        request,
        case,
        gettext("Change the education support plan") if plan else gettext("Write an education support plan"),
        form=form,
        call=lambda: services.support_plan_save(
            actor=request.user, case=case, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The education support plan is saved."),
        then=reverse("school:support_plan", kwargs={"case_pk": case.pk}),
    )


def engagement_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.school_case_get(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.support_plan_get(user=request.user, case=case)
    if plan is None:
        messages.error(
            request, gettext("Write the education support plan first; family contacts are logged on it.")
        )
        return redirect("school:support_plan", case_pk=case.pk)
    form = EngagementForm(bound(request))
    return _save_page(
        request,
        case,
        gettext("Log a contact with the family"),
        form=form,
        call=lambda: services.engagement_add(actor=request.user, plan=plan, **form.cleaned_data),
        done=gettext("The family contact is logged."),
        then=reverse("school:support_plan", kwargs={"case_pk": case.pk}),
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
    form = FollowUpForm(bound(request))
    return _save_page(
        request,
        alert.student.case,
        gettext("Follow up a truancy alert"),
        form=form,
        call=lambda: services.truancy_alert_follow_up(actor=request.user, alert=alert, **form.cleaned_data),
        done=gettext("The follow-up is recorded; the alert is closed."),
        then=reverse("school:student_detail", args=[alert.student_id]),
        alert=alert,
    )


def directory_opt_out(request: HttpRequest, pk: int) -> HttpResponse:
    student = selectors.student_get(user=request.user, student_id=pk, for_change=True)
    audit_form_open(request, obj=student, person_id=student.person_id, fields=["name", "directory_opt_out"])
    initial = {"opt_out": student.directory_opt_out, "on": student.directory_opt_out_on}
    form = DirectoryOptOutForm(bound(request), initial=initial)
    return _save_page(
        request,
        student.case,
        gettext("Directory information (FERPA)"),
        form=form,
        call=lambda: services.student_directory_opt_out(
            actor=request.user, student=student, **form.cleaned_data
        ),
        done=gettext("The directory-information choice is recorded."),
        then=reverse("school:student_detail", args=[student.pk]),
        student=student,
    )
