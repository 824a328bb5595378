"""Writes of signals: the scheduled run that finds them, and a responder's answer to one.

The run (`find_signals`) reads counts through reading.py, tests them with the pure rule (rule.py)
and keeps each finding as a Signal keyed by kind, area, need or barrier and period: a second run for
the same period updates the counts of the signals it finds again and never duplicates one, nor
touches what a responder decided.

Accepting writes into a level only through that level's services: a draft group through
tapestry/mezzo/groups/services.py, a planning campaign through tapestry/macro/campaigns/services.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.campaigns.services import campaign_plan_from_signal
from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.groups.services import group_draft_from_signal
from tapestry.thread.signals import periods, reading, rule
from tapestry.thread.signals.models import Signal


def settings() -> dict[str, Any]:
    """The rule's thresholds: rule.DEFAULTS, overridden by settings.TAPESTRY_SIGNALS."""
    return rule.config(getattr(django_settings, "TAPESTRY_SIGNALS", None))


@dataclass(frozen=True)
class Run:
    period: str
    tested: int
    found: int
    created: int
    updated: int


def find_signals(*, period: str | None = None, today: dt.date | None = None) -> Run:
    """Test every (area, need), (area, barrier) and service type for the period (the current one by
    default, else e.g. '2026-Q3') and keep the signals found; Benjamini-Hochberg across all of them."""
    config = settings()
    unit = config["period"]
    today = today or timezone.localdate()
    span = periods.parse(period, unit) if period else periods.span_of(today, unit)
    spans = [*periods.previous(span, unit, config["baseline_periods"]), span]
    labels = [periods.label(s, unit) for s in spans[:-1]]
    exposure = periods.exposure(span, today)
    needs = reading.need_cells(spans, config["area_kinds"])
    barriers = reading.barrier_cells(spans, config["area_kinds"])
    shares = reading.referral_cells(spans, today)
    counts = [*(_tagged(c, "need") for c in needs), *(_tagged(c, "barrier") for c in barriers)]
    tested = rule.adjust(
        [*rule.poisson_tests(counts, config, exposure), *rule.binomial_tests(shares, config)]
    )
    found = [finding for finding in tested if rule.is_signal(finding, config)]
    created = updated = 0
    with transaction.atomic():
        for finding in found:
            made = _keep(finding, span, unit, labels)
            created += made
            updated += not made
    return Run(periods.label(span, unit), len(tested), len(found), created, updated)


def _tagged(cell: rule.CountCell, what: str) -> rule.CountCell:
    area_id, item_id = cell.key
    return rule.CountCell((what, area_id, item_id), cell.observed, cell.baseline, (what, item_id))


def _keep(finding: rule.Finding, span: periods.Span, unit: str, labels: list[str]) -> bool:
    """Store one finding; True when the signal is new."""
    if isinstance(finding.key, tuple):
        what, area_id, item_id = finding.key
        kind = Signal.Kind.NEED_CLUSTER
        need_id, barrier_id = (item_id, None) if what == "need" else (None, item_id)
    else:
        kind, area_id, need_id, barrier_id = Signal.Kind.UNANSWERED, None, finding.key, None
    key = f"{kind}:{area_id or '-'}:{need_id or '-'}:{barrier_id or '-'}:{unit}:{span.start:%Y-%m-%d}"
    facts = {
        "kind": kind,
        "area_id": area_id,
        "need_id": need_id,
        "barrier_id": barrier_id,
        "period_unit": unit,
        "period_label": periods.label(span, unit),
        "period_start": span.start,
        "period_end": span.end,
        "observed": finding.observed,
        "expected": finding.expected,
        "sent": finding.sent,
        "baseline_total": int(sum(finding.trend)),
        "p_value": finding.p_value,
        "q_value": finding.q_value,
        "trend": [[label, int(n)] for label, n in zip(labels, finding.trend, strict=True)],
    }
    _, created = Signal.objects.update_or_create(key=key, defaults=facts)
    return created


def _open(signal: Signal) -> Signal:
    locked = Signal.objects.select_for_update().get(pk=signal.pk)
    if locked.status != Signal.Status.OPEN:
        raise ValidationError(
            gettext("This signal is already %(status)s.")
            % {"status": str(locked.get_status_display()).lower()}
        )
    return locked


def _decided(actor: User, signal: Signal, status: str, fields: list[str], **changes: Any) -> Signal:
    for name, value in changes.items():
        setattr(signal, name, value)
    signal.status = status
    signal.decided_by = actor
    signal.decided_at = timezone.now()
    signal.save()
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=signal, fields=["status", *fields])
    return signal


def origin_of(signal: Signal) -> str:
    # Kept on the group as a record, in the agency's language whoever accepts the signal.
    with translation.override(django_settings.LANGUAGE_CODE):
        return f"Proposed by escalation signal #{signal.pk}: {signal} (observed {signal.observed}, expected {signal.expected:.1f})."


def _purpose(signal: Signal) -> str:
    with translation.override(django_settings.LANGUAGE_CODE):
        return f"Support for people with {signal.need.label.lower()} in {signal.where}."


@transaction.atomic
def accept_with_group(
    *,
    actor: User,
    signal: Signal,
    name: str,
    facilitator: User,
    first_session_on: dt.date,
    start_time: dt.time = dt.time(18, 0),
    kind: str = Group.Kind.SUPPORT,
    capacity: int = 12,
) -> Signal:
    """The mezzo response: a planned group with the signal's need as focus, in its area."""
    require_capability(actor, Capability.SIGNAL_RESPOND)
    locked = _open(signal)
    if locked.need_id is None:
        raise ValidationError(
            gettext("A group answers a need: this signal names a barrier, so start a campaign.")
        )
    group = group_draft_from_signal(
        actor=actor,
        facilitators=[facilitator],
        focus_needs=[locked.need],
        origin=origin_of(locked),
        name=name,
        kind=kind,
        purpose=_purpose(locked),
        area=locked.area,
        capacity=capacity,
        first_session_on=first_session_on,
        start_time=start_time,
    )
    return _decided(
        actor, locked, Signal.Status.ACCEPTED, ["response", "group"], response="mezzo", group=group
    )


@transaction.atomic
def accept_with_campaign(*, actor: User, signal: Signal, title: str, goals: str) -> Signal:
    """The macro response: a campaign in planning on the signal's need."""
    require_capability(actor, Capability.SIGNAL_RESPOND)
    locked = _open(signal)
    campaign = campaign_plan_from_signal(
        actor=actor,
        title=title,
        goals=goals,
        needs=[locked.need] if locked.need_id else [],
        origin=origin_of(locked),
    )
    return _decided(
        actor, locked, Signal.Status.ACCEPTED, ["response", "campaign"], response="macro", campaign=campaign
    )


@transaction.atomic
def dismiss(*, actor: User, signal: Signal, reason: str) -> Signal:
    require_capability(actor, Capability.SIGNAL_RESPOND)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [gettext("Say why the signal is dismissed.")]})
    locked = _open(signal)
    return _decided(actor, locked, Signal.Status.DISMISSED, ["dismiss_reason"], dismiss_reason=reason)
