"""Pages of the advocacy log: parse, call a service or selector, render."""

from __future__ import annotations

import copy

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.micro.advocacy import selectors, services
from tapestry.micro.advocacy.forms import AdvocacyActionEditForm, AdvocacyActionForm
from tapestry.micro.cases.selectors import case_get
from tapestry.web.pages import bound, case_page_url, save_page


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    log = selectors.advocacy_log(user=request.user, case_id=case_pk)
    context = {"log": log, "case": log.case, "case_url": case_page_url(log.case, or_person=True)}
    return render(request, "advocacy/case_index.html", context)


def action_new(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: log an advocacy action")
    form = AdvocacyActionForm(bound(request), organisations=selectors.organisation_choices(user=request.user))
    return save_page(
        request,
        "advocacy/action_form.html",
        form=form,
        call=lambda: services.advocacy_action_record(actor=request.user, case=case, **form.changes()),
        done=lambda action: gettext("Logged: %(action)s.") % {"action": action},
        then=reverse("advocacy:case_index", kwargs={"case_pk": case.pk}),
        invalid=200,
        case=case,
        action=None,
    )


def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        action = selectors.advocacy_action_get(user=request.user, action_id=pk, for_change=True)
    else:
        action = selectors.advocacy_action_detail(user=request.user, action_id=pk, for_change=True)
    # The form edits a copy, so the page heading keeps what is saved whatever was typed.
    form = AdvocacyActionEditForm(
        bound(request),
        instance=copy.copy(action),
        organisations=selectors.organisation_choices(user=request.user),
    )
    return save_page(
        request,
        "advocacy/action_form.html",
        form=form,
        call=lambda: services.advocacy_action_update(
            actor=request.user, action=action, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The advocacy action is updated."),
        then=reverse("advocacy:case_index", kwargs={"case_pk": action.case_id}),
        invalid=200,
        case=action.case,
        action=action,
    )
