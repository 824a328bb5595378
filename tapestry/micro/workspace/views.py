"""The case workspace's sections: each a fragment for htmx, or a page of its own without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from tapestry.micro.cases.models import Case
from tapestry.micro.workspace import selectors


def _section(name: str, read: Callable[..., object]) -> Callable[[HttpRequest, int], HttpResponse]:
    def view(request: HttpRequest, case_pk: int) -> HttpResponse:
        case = selectors.workspace_case(user=request.user, case_id=case_pk)
        context = {
            "case": case,
            "section": name,
            "title": selectors.SECTIONS[name],
            "data": read(user=request.user, case=case),
            "can_change": _can_change(request, case),
        }
        fragment = f"workspace/_{name}.html"
        if request.htmx:
            return render(request, fragment, context)
        return render(request, "workspace/section_page.html", {**context, "fragment": fragment})

    view.__name__ = f"{name}_section"
    with translation.override("en"):
        view.__doc__ = f"The case's {selectors.SECTIONS[name].lower()}."
    return view


def _can_change(request: HttpRequest, case: Case) -> bool:
    return case.status != Case.Status.CLOSED and selectors.case_changeable(user=request.user, case=case)


notes = _section("notes", selectors.recent_notes)
scores = _section("scores", selectors.latest_scores)
plan = _section("plan", selectors.open_work)
referrals = _section("referrals", selectors.case_referrals)
consents = _section("consents", selectors.consents_in_force)
