"""Generated data with planted clusters, to measure the rule (bench/signals_trial.py runs it).

Seeded and deterministic: each area has its own rate for each need (a gamma-distributed level, so
some areas are busy and some quiet), every period's count is Poisson around it, and in the current
period the planted (area, need) pairs have their rate multiplied by `ratio`. The rule run is
rule.find, the very function the scheduled task runs (through services.find_signals).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tapestry.thread.signals import rule


@dataclass(frozen=True)
class World:
    cells: list[rule.CountCell]
    planted: set[tuple[int, int]]


def generate(
    seed: int,
    *,
    areas: int = 30,
    needs: int = 12,
    periods: int = 8,
    mean_rate: float = 6.0,
    planted: int = 5,
    ratio: float = 3.0,
) -> World:
    rng = np.random.default_rng(seed)
    rates = rng.gamma(shape=2.0, scale=mean_rate / 2.0, size=(areas, needs))
    baseline = rng.poisson(rates[:, :, None], size=(areas, needs, periods))
    pairs = [(a, n) for a in range(areas) for n in range(needs)]
    chosen = {pairs[i] for i in rng.choice(len(pairs), size=planted, replace=False)} if planted else set()
    current_rates = rates.copy()
    for area, need in chosen:
        current_rates[area, need] *= ratio
    current = rng.poisson(current_rates)
    cells = [
        rule.CountCell((a, n), int(current[a, n]), tuple(int(x) for x in baseline[a, n]), group=n)
        for a, n in pairs
    ]
    return World(cells, chosen)


@dataclass(frozen=True)
class Result:
    ratio: float
    runs: int
    planted: int
    detected: int
    signals: int
    false_alarms: int

    @property
    def detection_rate(self) -> float:
        return self.detected / self.planted if self.planted else 0.0

    @property
    def false_alarms_per_run(self) -> float:
        return self.false_alarms / self.runs

    @property
    def false_share(self) -> float:
        """The empirical false discovery rate: false alarms over all signals."""
        return self.false_alarms / self.signals if self.signals else 0.0


def measure(
    ratio: float, runs: int, *, seed: int = 2026, settings: dict | None = None, **world: int
) -> Result:
    planted = detected = signals = false = 0
    for run in range(runs):
        made = generate(seed + run, ratio=ratio, **world)
        found = {finding.key for finding in rule.find(made.cells, settings=settings)}
        planted += len(made.planted)
        detected += len(found & made.planted)
        signals += len(found)
        false += len(found - made.planted)
    return Result(ratio, runs, planted, detected, signals, false)
