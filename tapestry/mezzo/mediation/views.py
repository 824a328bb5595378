"""Pages of mediation: the dispute list, one dispute, the forms that add to it, and follow-ups due."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.mezzo.mediation import selectors, services
from tapestry.mezzo.mediation.forms import (
    AgreementForm,
    DisputeCloseForm,
    DisputeEditForm,
    DisputeForm,
    FollowUpForm,
    IssueForm,
    IssueStatusForm,
    PartyForm,
    SessionForm,
)
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue
from tapestry.web.pages import bound, save_page


def _save(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[], Any],
    *,
    dispute: Dispute | None,
    heading: str,
    done: str | Callable[[Any], str],
    **context: Any,
) -> HttpResponse:
    """A form of a dispute: `call` on a valid submit, then the message `done` and the dispute's page
    (the new dispute's, for one just opened); else the form again with its errors. Any error on the
    page, a stale edit too, answers 400 here."""
    return save_page(
        request,
        "mediation/form.html",
        form=form,
        call=call,
        done=done,
        then=lambda saved: reverse("mediation:dispute_detail", args=[(dispute or saved).pk]),
        stale=400,
        dispute=dispute,
        heading=heading,
        action=request.path,
        **context,
    )


def _add(
    request: HttpRequest,
    dispute: Dispute,
    form: forms.BaseForm,
    record: Callable[..., Any],
    heading: str,
    done: str | Callable[[Any], str],
) -> HttpResponse:
    """A form that adds to the dispute: `record` (the service) gets the actor, the dispute and the fields."""
    call = partial(record, actor=request.user, dispute=dispute)
    return _save(
        request, form, lambda: call(**form.cleaned_data), dispute=dispute, heading=heading, done=done
    )


def dispute_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    disputes = list(selectors.dispute_list(user=request.user, status=status))
    return render(request, "mediation/dispute_list.html", {"disputes": disputes, "status": status})


def dispute_create(request: HttpRequest) -> HttpResponse:
    form = DisputeForm(
        bound(request), mediators=selectors.mediator_choices(), initial={"mediators": [request.user]}
    )
    return _save(
        request,
        form,
        lambda: services.dispute_create(actor=request.user, **form.cleaned_data),
        dispute=None,
        heading=gettext("Open a dispute"),
        done=lambda dispute: gettext("Dispute “%(dispute)s” opened.") % {"dispute": dispute},
    )


def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_detail(user=request.user, dispute_id=pk)
    context = {
        "dispute": dispute,
        "issue_status_choices": Issue.Status.choices,
        "today": timezone.localdate(),
    }
    return render(request, "mediation/dispute_detail.html", context)


def dispute_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    initial = {
        name: getattr(dispute, name) for name in ("title", "kind", "description", "opened_on", "version")
    }
    initial["mediators"] = list(dispute.mediators.all())
    form = DisputeEditForm(bound(request), mediators=selectors.mediator_choices(), initial=initial)

    def update() -> Dispute:
        data = dict(form.cleaned_data)
        version, mediators = data.pop("version"), data.pop("mediators")
        return services.dispute_update(
            actor=request.user, dispute=dispute, version=version, changes=data, mediators=mediators
        )

    return _save(
        request,
        form,
        update,
        dispute=dispute,
        heading=gettext("Change the dispute"),
        done=gettext("Dispute updated."),
    )


def dispute_close(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    form = DisputeCloseForm(bound(request), initial={"version": dispute.version})

    def close() -> Dispute:
        data = dict(form.cleaned_data)
        data["reason"] = data.pop("close_reason")
        return services.dispute_close(actor=request.user, dispute=dispute, **data)

    return _save(
        request,
        form,
        close,
        dispute=dispute,
        heading=gettext("Close the dispute"),
        done=gettext("Dispute closed."),
    )


def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    audit_form_open(request, obj=dispute, fields=["person_choices"], purpose="form: add a party")
    form = PartyForm(
        bound(request),
        persons=selectors.person_choices(user=request.user),
        organisations=selectors.organisation_choices(),
    )
    return _add(
        request,
        dispute,
        form,
        services.party_add,
        gettext("Add a party"),
        lambda party: gettext("%(name)s added.") % {"name": party.name},
    )


def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    audit_form_open(request, obj=dispute, fields=["parties"], purpose="form: record a session")
    form = SessionForm(bound(request), parties=selectors.party_choices(user=request.user, dispute=dispute))
    return _add(
        request,
        dispute,
        form,
        services.session_record,
        gettext("Record a session"),
        gettext("Session recorded."),
    )


def issue_add(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    form = IssueForm(bound(request))
    return _add(request, dispute, form, services.issue_add, gettext("Add an issue"), gettext("Issue added."))


@require_POST
def issue_status(request: HttpRequest, issue_pk: int) -> HttpResponse:
    issue = selectors.issue_get(user=request.user, issue_id=issue_pk)
    form = IssueStatusForm(request.POST)
    if form.is_valid():
        services.issue_status_set(actor=request.user, issue=issue, status=form.cleaned_data["status"])
        messages.success(
            request, gettext("Issue marked %(status)s.") % {"status": issue.get_status_display().lower()}
        )
    else:
        messages.error(request, gettext("Choose open, resolved or unresolved."))
    return redirect("mediation:dispute_detail", pk=issue.dispute_id)


def agreement_add(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(user=request.user, dispute_id=pk)
    form = AgreementForm(bound(request), issues=selectors.issues_of(dispute=dispute, unresolved=True))
    return _add(
        request,
        dispute,
        form,
        services.agreement_record,
        gettext("Record an agreement"),
        gettext("Agreement recorded."),
    )


def agreement_follow_up(request: HttpRequest, agreement_pk: int) -> HttpResponse:
    agreement = selectors.agreement_get(user=request.user, agreement_id=agreement_pk)
    initial = {name: getattr(agreement, name) for name in (*services.FOLLOW_UP_FIELDS, "version")}
    form = FollowUpForm(bound(request), initial=initial)

    def follow_up() -> Agreement:
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.agreement_follow_up(
            actor=request.user, agreement=agreement, version=version, changes=data
        )

    return _save(
        request,
        form,
        follow_up,
        dispute=agreement.dispute,
        heading=gettext("Follow up the agreement"),
        done=gettext("Follow-up recorded."),
        agreement=agreement,
    )


def follow_ups(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    agreements = list(selectors.follow_ups_due(user=request.user, today=today))
    context = {"agreements": agreements, "today": today, "window": selectors.FOLLOW_UP_WINDOW_DAYS}
    return render(request, "mediation/follow_ups.html", context)
