"""API routes of signals: the list, one signal with its statement, accepting and dismissing."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router

from tapestry.thread.signals import selectors, services
from tapestry.thread.signals.forms import facilitator_choices
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.schemas import AcceptIn, DismissIn, SignalDetailOut, SignalOut
from tapestry.web.schemas import error_responses, paged_get, staff_name

router = Router(tags=["signals"])


def _out(signal: Signal) -> dict[str, Any]:
    return {
        "id": signal.pk,
        "kind": signal.kind,
        "status": signal.status,
        "subject": signal.subject,
        "area_id": signal.area_id,
        "area": signal.where,
        "need_id": signal.need_id,
        "barrier_id": signal.barrier_id,
        "period": signal.period_label,
        "observed": selectors.shown(signal.observed),
        "expected": selectors.expected_shown(signal),
        "p_value": signal.p_value,
        "q_value": signal.q_value,
        "trend": [{"period": cell.label, "count": cell.value} for cell in selectors.trend_cells(signal)],
        "response": signal.response,
        "group_id": signal.group_id,
        "campaign_id": signal.campaign_id,
        "dismiss_reason": signal.dismiss_reason,
        "decided_by": staff_name(signal.decided_by),
        "decided_at": signal.decided_at,
    }


def _detail(signal: Signal) -> dict[str, Any]:
    groups = selectors.groups_addressing(signal)
    said = selectors.statement(signal, groups)
    return {
        **_out(signal),
        "statement": said.finding,
        "test": said.test,
        "trend_statement": said.trend,
        "proposed_mezzo": said.mezzo,
        "proposed_macro": said.macro,
        "groups_addressing": [group.name for group in groups],
    }


@paged_get(router, "/signals", SignalOut, summary="List escalation signals", description="Open first.")
def signal_list(request: HttpRequest, status: str = "", kind: str = "") -> list[dict[str, Any]]:
    if status and status not in Signal.Status.values:
        raise ValidationError({"status": [f"Choose one of: {', '.join(Signal.Status.values)}."]})
    if kind and kind not in Signal.Kind.values:
        raise ValidationError({"kind": [f"Choose one of: {', '.join(Signal.Kind.values)}."]})
    return [_out(signal) for signal in selectors.signal_list(status=status, kind=kind)]


@router.get(
    "/signals/{signal_id}",
    response={200: SignalDetailOut, **error_responses(404, 422)},
    summary="Open an escalation signal",
    description="What it found in words (suppressed counts, expected, p-value, trend) and its proposed responses.",
)
def signal_detail(request: HttpRequest, signal_id: int) -> dict[str, Any]:
    return _detail(selectors.signal_get(signal_id))


def _required(payload: AcceptIn, names: tuple[str, ...]) -> None:
    missing = {
        name: ["This field is required for this response."]
        for name in names
        if getattr(payload, name) in (None, "")
    }
    if missing:
        raise ValidationError(missing)


@router.post(
    "/signals/{signal_id}/accept",
    response={200: SignalDetailOut, **error_responses(400, 404, 422)},
    summary="Accept an escalation signal",
    description=(
        "`mezzo` drafts a planned group with the signal's need as focus in its area (send `name`, "
        "`facilitator_id`, `first_session_on`); `macro` plans a campaign on the need (send `title`, `goals`)."
    ),
)
def signal_accept(request: HttpRequest, signal_id: int, payload: AcceptIn) -> dict[str, Any]:
    signal = selectors.signal_get(signal_id)
    if payload.response == "macro":
        _required(payload, ("title", "goals"))
        signal = services.accept_with_campaign(
            actor=request.user, signal=signal, title=payload.title or "", goals=payload.goals or ""
        )
        return _detail(signal)
    _required(payload, ("name", "facilitator_id", "first_session_on"))
    facilitator = facilitator_choices().filter(pk=payload.facilitator_id).first()
    if facilitator is None:
        raise ValidationError({"facilitator_id": ["Choose an active staff member who can run groups."]})
    options = {
        name: getattr(payload, name)
        for name in ("start_time", "kind", "capacity")
        if getattr(payload, name) is not None
    }
    signal = services.accept_with_group(
        actor=request.user,
        signal=signal,
        name=payload.name or "",
        facilitator=facilitator,
        first_session_on=payload.first_session_on,
        **options,
    )
    return _detail(signal)


@router.post(
    "/signals/{signal_id}/dismiss",
    response={200: SignalDetailOut, **error_responses(400, 404, 422)},
    summary="Dismiss an escalation signal",
    description="A reason is required.",
)
def signal_dismiss(request: HttpRequest, signal_id: int, payload: DismissIn) -> dict[str, Any]:
    signal = selectors.signal_get(signal_id)
    return _detail(services.dismiss(actor=request.user, signal=signal, reason=payload.reason))
