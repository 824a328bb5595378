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
from django.utils.translation import gettext

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
    return gettext("fewer than %(n)s") % {"n": threshold()} if is_small(count) else str(count)


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
        return gettext("under %(bound)s") % {"bound": f"{math.ceil(bound * 10) / 10:.1f}"}
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
        need = (signal.need.label if signal.need else gettext("this service type")).lower()
        words = {"observed": observed, "need": need, "period": period, "expected": expected}
        finding = (
            gettext(
                "%(observed)s of the referrals to %(need)s services sent in %(period)s went unanswered by "
                "their deadline, where the earlier periods' share predicts %(expected)s."
            )
            % words
        )
        mezzo = (
            gettext(
                "Grow a program or group that meets %(need)s needs in house, so clients are not left "
                "waiting on services that do not answer."
            )
            % words
        )
        macro = (
            gettext(
                "Campaign for the capacity of %(need)s services (or take a policy position on it), "
                "with these unanswered referrals as evidence."
            )
            % words
        )
    else:
        what = (
            signal.need.label.lower()
            if signal.need_id
            else gettext("needs held back by %(barrier)s") % {"barrier": signal.barrier.label.lower()}
        )
        words = {
            "observed": observed,
            "where": signal.where,
            "what": what,
            "period": period,
            "expected": expected,
        }
        finding = (
            gettext(
                "%(observed)s cases in %(where)s with %(what)s identified in %(period)s and still unmet, "
                "where the area's own baseline predicts %(expected)s."
            )
            % words
        )
        if groups:
            words["names"] = ", ".join(group.name for group in groups)
            mezzo = (
                gettext("Grow what already addresses it in %(where)s: %(names)s; or start another group.")
                % words
            )
        else:
            mezzo = (
                gettext(
                    "Start a group or program for %(what)s in %(where)s: none with that focus meets there."
                )
                % words
            )
        macro = gettext("Start a campaign, or take a policy position, on %(what)s in %(where)s.") % words
    numbers = {"p": f"{signal.p_value:.2g}", "q": f"{signal.q_value:.2g}"}
    if signal.kind == Signal.Kind.UNANSWERED:
        test = (
            gettext(
                "One-sided binomial test: p = %(p)s; after Benjamini-Hochberg across every area and need "
                "tested in the run, q = %(q)s."
            )
            % numbers
        )
    else:
        test = (
            gettext(
                "One-sided Poisson test: p = %(p)s; after Benjamini-Hochberg across every area and need "
                "tested in the run, q = %(q)s."
            )
            % numbers
        )
    cells = trend_cells(signal)
    listed = ", ".join(f"{cell.label} {cell}" for cell in cells)
    trend = gettext("Previous periods: %(periods)s.") % {"periods": listed} if cells else ""
    return Statement(finding, test, trend, mezzo, macro)
