"""Pages of the level advisor: the advice for a case, and its three one-step actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.thread.advisor import selectors, services
from tapestry.thread.advisor.forms import EnrolForm, ReferForm, TellForm
from tapestry.web.pages import act


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    advice = selectors.case_advice(user=request.user, case_id=case_pk)
    return render(request, "advisor/case_advice.html", {"advice": advice, "case": advice.case})


def _advice_url(case_pk: int) -> str:
    return reverse("advisor:case_index", kwargs={"case_pk": case_pk})


def _acted(request: HttpRequest, case_pk: int, form: forms.Form, call: Callable[..., Any], done: Any) -> Any:
    """Parse the button's form and run the action; a refusal becomes the page's error message."""
    if not form.is_valid():
        messages.error(
            request, gettext("That suggestion could not be read; open the advisor again and choose one.")
        )
        return None
    case = selectors.case_for_change(user=request.user, case_id=case_pk)
    return act(request, lambda: call(case, form.cleaned_data), done)


@require_POST
def enrol(request: HttpRequest, case_pk: int) -> HttpResponse:
    def call(case: Any, data: dict) -> Any:
        return services.advice_enrol(
            actor=request.user, case=case, group_id=data["group"], wait_list=data["wait_list"]
        )

    def done(member: Any) -> str:
        if member.status == member.Status.WAITING:
            return gettext("The group is full: the client is number %(n)s on its waiting list.") % {
                "n": member.waiting_position
            }
        return gettext("Enrolled in %(group)s.") % {"group": member.group.name}

    _acted(request, case_pk, EnrolForm(request.POST), call, done)
    return redirect(_advice_url(case_pk))


@require_POST
def refer(request: HttpRequest, case_pk: int) -> HttpResponse:
    def call(case: Any, data: dict) -> Any:
        return services.advice_refer(
            actor=request.user,
            case=case,
            service_id=data["service"],
            case_need_id=data["need"],
            reason=data["reason"],
        )

    referral = _acted(
        request,
        case_pk,
        ReferForm(request.POST),
        call,
        gettext("Referral recorded. Send it from here once the client agrees."),
    )
    if referral is None:
        return redirect(_advice_url(case_pk))
    return redirect(reverse("referrals:referral_detail", kwargs={"pk": referral.pk}))


@require_POST
def tell(request: HttpRequest, case_pk: int) -> HttpResponse:
    def call(case: Any, data: dict) -> Any:
        return services.advice_tell_campaign(
            actor=request.user,
            case=case,
            campaign_id=data["campaign"],
            case_need_id=data["need"],
            note=data["note"],
        )

    _acted(
        request,
        case_pk,
        TellForm(request.POST),
        call,
        gettext("Recorded in the advocacy log: the client was told about the campaign."),
    )
    return redirect(_advice_url(case_pk))
