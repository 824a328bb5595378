"""Pages of signals: the list (open first) and a signal's page, which states what was found and
offers its two responses and dismissal to those who may answer signals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.evidence.charts import bar_chart
from tapestry.thread.signals import selectors, services
from tapestry.thread.signals.forms import (
    CampaignResponseForm,
    DismissForm,
    GroupResponseForm,
    facilitator_choices,
)
from tapestry.thread.signals.models import Signal
from tapestry.web.pages import bound, submit


def signal_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Signal.Status.values else ""
    kind = request.GET.get("kind", "")
    kind = kind if kind in Signal.Kind.values else ""
    context = {
        "signals": [
            (signal, selectors.shown(signal.observed), selectors.expected_shown(signal))
            for signal in selectors.signal_list(status=status, kind=kind)
        ],
        "statuses": Signal.Status.choices,
        "kinds": Signal.Kind.choices,
        "status": status,
        "kind": kind,
    }
    return render(request, "signals/signal_list.html", context)


def _forms(request: HttpRequest, signal: Signal, bind: str = "") -> dict[str, Form]:
    """The three forms of a signal's page; `bind` names the one the POST is for."""
    data = bound(request)
    what = signal.need.label if signal.need_id else (signal.barrier.label if signal.barrier_id else "")
    return {
        "group_form": GroupResponseForm(
            data if bind == "group" else None,
            facilitators=facilitator_choices(),
            initial={
                "name": (gettext("%(what)s support, %(where)s") % {"what": what, "where": signal.where})[:150]
            },
        ),
        "campaign_form": CampaignResponseForm(
            data if bind == "campaign" else None,
            initial={
                "title": (
                    gettext("%(what)s in %(where)s, %(period)s")
                    % {"what": what, "where": signal.where, "period": signal.period_label}
                )[:200],
                "goals": gettext("Fewer people in %(where)s left with %(what)s unmet.")
                % {"where": signal.where, "what": what.lower()},
            },
        ),
        "dismiss_form": DismissForm(data if bind == "dismiss" else None),
    }


def _page(request: HttpRequest, signal: Signal, status: int = 200, **forms: Any) -> HttpResponse:
    groups = selectors.groups_addressing(signal)
    cells = selectors.trend_cells(signal)
    context = {
        "signal": signal,
        "statement": selectors.statement(signal, groups),
        "observed": selectors.shown(signal.observed),
        "expected": selectors.expected_shown(signal),
        "groups": groups,
        "trend": cells,
        "chart": bar_chart(chart_id="signal-trend", title=gettext("Previous periods"), cells=cells)
        if cells
        else "",
        "can_respond": signal.status == Signal.Status.OPEN
        and has_capability(request.user, Capability.SIGNAL_RESPOND),
        **forms,
    }
    return render(request, "signals/signal_detail.html", context, status=status)


def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = selectors.signal_get(pk)
    return _page(request, signal, **_forms(request, signal))


def _answer(request: HttpRequest, pk: int, which: str, call: Any, done: str) -> HttpResponse:
    signal = selectors.signal_get(pk)
    forms = _forms(request, signal, which)
    form = forms[f"{which}_form"]
    saved, status = submit(form, lambda: call(signal, form.cleaned_data))
    if saved is not None:
        messages.success(request, done)
        return redirect(reverse("signals:detail", args=[pk]))
    return _page(request, signal, status=status, **forms)


@require_POST
def accept_group(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(
        request,
        pk,
        "group",
        lambda signal, data: services.accept_with_group(actor=request.user, signal=signal, **data),
        gettext("The signal is accepted: a planned group is drafted."),
    )


@require_POST
def accept_campaign(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(
        request,
        pk,
        "campaign",
        lambda signal, data: services.accept_with_campaign(actor=request.user, signal=signal, **data),
        gettext("The signal is accepted: a campaign is in planning."),
    )


@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(
        request,
        pk,
        "dismiss",
        lambda signal, data: services.dismiss(actor=request.user, signal=signal, reason=data["reason"]),
        gettext("The signal is dismissed."),
    )
