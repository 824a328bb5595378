"""Reads of signals, each page's in a fixed number of queries, and what a signal says in words.

Signals hold counts only; who may read them is who may read counts (aggregate.read). Every count
shown passes through small-count suppression: the observed count below the threshold is "fewer
than 11"; the trend's per-period counts are suppressed together (tapestry/evidence/suppression.py)
so that no hidden period can be had from the expected count (the baseline's mean) less the shown
ones; an expected count resting on a small baseline total is shown as a bound only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tapestry.evidence.suppression import Cell, hidden_together, is_small, suppress_table, threshold
from tapestry.mezzo.groups.models import Group
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.services import settings

STATUS_ORDER = {Signal.Status.OPEN: 0, Signal.Status.ACCEPTED: 1, Signal.Status.DISMISSED: 2}


def _signals() -> QuerySet[Signal]:
    return Signal.objects.select_related("area", "need", "barrier", "decided_by", "group", "campaign")


def signal_list(*, status: str = "", kind: str = "") -> list[Signal]:
    """Open first, then accepted, then dismissed; newest period and strongest first within each."""
    signals = _signals()
    if status:
        signals = signals.filter(status=status)
    if kind:
        signals = signals.filter(kind=kind)
    return sorted(
        signals, key=lambda s: (STATUS_ORDER[s.status], -s.period_start.toordinal(), s.q_value, s.pk)
    )


def signal_get(signal_id: int) -> Signal:
    return get_object_or_404(_signals(), pk=signal_id)


def groups_addressing(signal: Signal) -> list[Group]:
    """Groups (not ended) with the signal's need as a focus, meeting in its area: one query."""
    if signal.need_id is None or signal.kind != Signal.Kind.NEED_CLUSTER:
        return []
    groups = Group.objects.filter(focus_needs=signal.need_id).exclude(status=Group.Status.ENDED)
    if signal.area_id:
        groups = groups.filter(area_id=signal.area_id)
    return list(groups.order_by("name").distinct())


def shown(count: int) -> str:
    return f"fewer than {threshold()}" if is_small(count) else str(count)


def trend_cells(signal: Signal) -> list[Cell]:
    pairs = [(label, int(n)) for label, n in signal.trend]
    cells, _ = suppress_table(pairs, hide=hidden_together(pairs))
    return cells


def expected_shown(signal: Signal) -> str:
    """The expected count, one decimal; only a bound when it rests on a small baseline total (the
    expected count times the periods would give that total back): the count a baseline total of
    the threshold would have predicted, which it is under."""
    if signal.kind == Signal.Kind.NEED_CLUSTER and is_small(signal.baseline_total) and signal.trend:
        floor = settings()["min_baseline_rate"]
        periods = len(signal.trend)
        rate = max(signal.baseline_total / periods, floor)
        bound = signal.expected / rate * max(threshold() / periods, floor)
        return f"under {math.ceil(bound * 10) / 10:.1f}"
    return f"{signal.expected:.1f}"


@dataclass(frozen=True)
class Statement:
    finding: str
    test: str
    trend: str
    mezzo: str
    macro: str


def statement(signal: Signal, groups: list[Group]) -> Statement:
    observed, expected = shown(signal.observed), expected_shown(signal)
    period = signal.period_label
    if signal.kind == Signal.Kind.UNANSWERED:
        need = signal.need.label if signal.need else "this service type"
        finding = (
            f"{observed} of the referrals to {need.lower()} services sent in {period} went unanswered by "
            f"their deadline, where the earlier periods' share predicts {expected}."
        )
        mezzo = (
            f"Grow a program or group that meets {need.lower()} needs in house, so clients are not left "
            "waiting on services that do not answer."
        )
        macro = (
            f"Campaign for the capacity of {need.lower()} services (or take a policy position on it), "
            "with these unanswered referrals as evidence."
        )
    else:
        what = (
            signal.need.label.lower()
            if signal.need_id
            else f"needs held back by {signal.barrier.label.lower()}"
        )
        finding = (
            f"{observed} cases in {signal.where} with {what} identified in {period} and still unmet, "
            f"where the area's own baseline predicts {expected}."
        )
        if groups:
            names = ", ".join(group.name for group in groups)
            mezzo = f"Grow what already addresses it in {signal.where}: {names}; or start another group."
        else:
            mezzo = (
                f"Start a group or program for {what} in {signal.where}: none with that focus meets there."
            )
        macro = f"Start a campaign, or take a policy position, on {what} in {signal.where}."
    test = (
        f"One-sided {'binomial' if signal.kind == Signal.Kind.UNANSWERED else 'Poisson'} test: "
        f"p = {signal.p_value:.2g}; after Benjamini-Hochberg across every area and need tested in the run, "
        f"q = {signal.q_value:.2g}."
    )
    cells = trend_cells(signal)
    trend = "Previous periods: " + ", ".join(f"{cell.label} {cell}" for cell in cells) + "." if cells else ""
    return Statement(finding, test, trend, mezzo, macro)
