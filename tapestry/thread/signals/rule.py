"""The escalation rule, pure: counts in, findings out. No database here, so the planted-cluster
trial (bench/signals_trial.py) runs exactly the function the scheduled task runs.

For each tested cell (an area and a need, an area and a barrier, or a service type):

- Counts: `observed` in the current period; `baseline`, the counts of the previous N periods.
- Expected: the cell's own baseline rate, mean(baseline), floored at `min_baseline_rate` (so a
  cell that never had a case is not tested against an expectation of zero), times `exposure`
  (the share of the current period that has passed, so a quarter half over expects half a
  quarter), optionally times the agency-wide change of that need (`agency_trend`, see below).
- Count test: one-sided Poisson, p = P(X >= observed | expected) = poisson.sf(observed - 1, expected).
- Share test (unanswered referrals): one-sided binomial, p = P(X >= unanswered | sent, share),
  share = the baseline unanswered share, floored at `min_share`.
- Benjamini-Hochberg over every p-value of the run together (scipy false_discovery_control).
- A finding is a signal when q <= alpha, observed >= min_count and observed / expected >= min_ratio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import stats

DEFAULTS: dict[str, Any] = {
    "period": "quarter",  # or "month"
    "baseline_periods": 8,
    "alpha": 0.05,  # the false discovery rate Benjamini-Hochberg controls
    "min_count": 11,  # a signal never rests on a count the agency would suppress
    "min_ratio": 1.5,  # observed / expected
    "min_baseline_rate": 0.5,  # cases a period: the floor under an area's baseline rate
    "min_share": 0.05,  # the floor under a service type's baseline unanswered share
    "agency_trend": False,  # scale expected by the agency-wide change of the need (off: see docs)
    "area_kinds": ("postcode", "neighbourhood"),  # the kinds of places area tested; () for every kind
}


def config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    return {**DEFAULTS, **(overrides or {})}


@dataclass(frozen=True)
class CountCell:
    """One (area, need or barrier): this period's count and the previous periods' (oldest first)."""

    key: Any
    observed: int
    baseline: Sequence[int]
    group: Any = None  # what the agency-wide trend is taken over (the need or barrier)


@dataclass(frozen=True)
class ShareCell:
    """One service type: referrals sent and unanswered, this period and in the baseline periods."""

    key: Any
    sent: int
    unanswered: int
    baseline_sent: int
    baseline_unanswered: int
    trend: Sequence[int] = ()


@dataclass
class Finding:
    key: Any
    observed: int
    expected: float
    p_value: float
    q_value: float = 1.0
    trend: Sequence[int] = field(default_factory=tuple)
    sent: int | None = None

    @property
    def ratio(self) -> float:
        return self.observed / self.expected if self.expected else float("inf")


def count_expected(
    cell: CountCell, settings: dict[str, Any], exposure: float = 1.0, scale: float = 1.0
) -> float:
    rate = float(np.mean(cell.baseline)) if len(cell.baseline) else 0.0
    return max(rate, settings["min_baseline_rate"]) * exposure * scale


def _agency_scales(cells: Sequence[CountCell], exposure: float) -> dict[Any, dict[Any, float]]:
    """Per group, per cell: the change of the group's count across the *other* areas (leave one out,
    so a cluster does not raise its own expectation), current over baseline mean; 1 when unknown."""
    totals: dict[Any, list[float]] = {}
    for cell in cells:
        now, before = totals.setdefault(cell.group, [0.0, 0.0])
        totals[cell.group] = [
            now + cell.observed,
            before + float(np.mean(cell.baseline) if len(cell.baseline) else 0),
        ]
    scales: dict[Any, dict[Any, float]] = {}
    for cell in cells:
        now, before = totals[cell.group]
        now -= cell.observed
        before -= float(np.mean(cell.baseline)) if len(cell.baseline) else 0.0
        change = (now / (before * exposure)) if before > 0 and exposure > 0 else 1.0
        scales.setdefault(cell.group, {})[cell.key] = change
    return scales


def poisson_tests(
    cells: Sequence[CountCell], settings: dict[str, Any], exposure: float = 1.0
) -> list[Finding]:
    """The Poisson test of every count cell (no correction yet)."""
    scales = _agency_scales(cells, exposure) if settings.get("agency_trend") else {}
    found = []
    for cell in cells:
        scale = scales.get(cell.group, {}).get(cell.key, 1.0)
        expected = count_expected(cell, settings, exposure, scale)
        p_value = float(stats.poisson.sf(cell.observed - 1, expected)) if cell.observed > 0 else 1.0
        found.append(Finding(cell.key, cell.observed, expected, p_value, trend=tuple(cell.baseline)))
    return found


def binomial_tests(cells: Sequence[ShareCell], settings: dict[str, Any]) -> list[Finding]:
    """The binomial test of every service type's unanswered referrals (no correction yet)."""
    found = []
    for cell in cells:
        share = cell.baseline_unanswered / cell.baseline_sent if cell.baseline_sent else 0.0
        share = min(max(share, settings["min_share"]), 1.0)
        expected = share * cell.sent
        if cell.sent and cell.unanswered:
            p_value = float(stats.binomtest(cell.unanswered, cell.sent, share, alternative="greater").pvalue)
        else:
            p_value = 1.0
        found.append(
            Finding(cell.key, cell.unanswered, expected, p_value, trend=tuple(cell.trend), sent=cell.sent)
        )
    return found


def adjust(findings: list[Finding]) -> list[Finding]:
    """Benjamini-Hochberg q-values over every finding of the run at once."""
    if findings:
        q_values = stats.false_discovery_control([f.p_value for f in findings], method="bh")
        for finding, q_value in zip(findings, q_values, strict=True):
            finding.q_value = float(q_value)
    return findings


def is_signal(finding: Finding, settings: dict[str, Any]) -> bool:
    return (
        finding.q_value <= settings["alpha"]
        and finding.observed >= settings["min_count"]
        and finding.ratio >= settings["min_ratio"]
    )


def find(
    counts: Sequence[CountCell] = (),
    shares: Sequence[ShareCell] = (),
    settings: dict[str, Any] | None = None,
    exposure: float = 1.0,
) -> list[Finding]:
    """The whole rule: test every cell, adjust across all of them together, keep the signals."""
    settings = config(settings)
    tested = adjust([*poisson_tests(counts, settings, exposure), *binomial_tests(shares, settings)])
    return [finding for finding in tested if is_signal(finding, settings)]
