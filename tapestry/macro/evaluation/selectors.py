"""Every read of program evaluation: indicators, and their values per period against target.

Values come only through the measures contract (`tapestry.evidence.measures`): two grouped queries
per indicator (numerator and denominator) over all the periods asked, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop, pgettext_lazy

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.evidence.measures import (
    PeriodMeasure,
    Periods,
    Rate,
    ask_rates,
    parse_period,
    period_registry,
    period_start,
)
from tapestry.macro.evaluation.models import Indicator
from tapestry.programs.models import Program

# How many periods a page shows when none are asked for, by period type.
SHOWN = {"month": 12, "quarter": 8, "year": 5}


def indicator_list(*, user: User) -> QuerySet[Indicator]:
    require_capability(user, Capability.AGGREGATE_READ)
    return Indicator.objects.select_related("program", "owner")


def indicator_get(*, user: User, indicator_id: int) -> Indicator | None:
    return indicator_list(user=user).filter(pk=indicator_id).first()


def measure_choices() -> list[PeriodMeasure]:
    return sorted(period_registry().values(), key=lambda found: found.title)


def program_choices() -> QuerySet[Program]:
    return Program.objects.order_by("name")


def default_periods(indicator: Indicator, *, today: date | None = None) -> Periods:
    """The last few periods of the indicator's type, ending with the one that holds today."""
    last = period_start(indicator.period_type, today or timezone.localdate())
    first = last
    for _ in range(SHOWN[indicator.period_type] - 1):
        first = _previous(indicator.period_type, first)
    return Periods(indicator.period_type, first, last)


def _previous(kind: str, start: date) -> date:
    day = date(start.year - 1, 12, 1) if start.month == 1 else date(start.year, start.month - 1, 1)
    return period_start(kind, day)


def periods_asked(indicator: Indicator, first: str, last: str, *, today: date | None = None) -> Periods:
    """The periods written `first` to `last` (either may be empty: the default range's end)."""
    shown = default_periods(indicator, today=today)
    start = parse_period(indicator.period_type, first) if first else None
    end = parse_period(indicator.period_type, last) if last else None
    if start is None and end is None:
        return shown
    if start is None:
        start = end
        for _ in range(SHOWN[indicator.period_type] - 1):
            start = _previous(indicator.period_type, start)
    return Periods(indicator.period_type, start, end or max(start, shown.last))


# An indicator's status words as pages show them: in the context "indicator status" (an indicator is
# "cumplida", a goal elsewhere "cumplido"). Listed only so that the catalog has them.
STATUS_WORDS = (
    pgettext_lazy("indicator status", "Suppressed"),
    pgettext_lazy("indicator status", "No data"),
    pgettext_lazy("indicator status", "No target"),
    pgettext_lazy("indicator status", "Met"),
    pgettext_lazy("indicator status", "Not met"),
)


@dataclass(frozen=True)
class Value:
    """One period's value of an indicator, with its target, status and trend."""

    period: str
    start: date
    rate: Rate
    target: Decimal | None
    met: bool | None
    change: float | None  # from the previous period shown
    from_baseline: float | None
    rows: tuple[Rate, ...]

    @property
    def status(self) -> str:
        # Kept in English (the API and funder report snapshots carry it); pages translate it when shown.
        if self.rate.suppressed:
            return gettext_noop("Suppressed")
        if self.rate.value is None:
            return gettext_noop("No data")
        if self.met is None:
            return gettext_noop("No target")
        return gettext_noop("Met") if self.met else gettext_noop("Not met")


def _met(indicator: Indicator, value: float | None, target: Decimal | None) -> bool | None:
    if value is None or target is None:
        return None
    if indicator.direction == Indicator.Direction.LOWER:
        return Decimal(str(value)) <= target
    return Decimal(str(value)) >= target


def _difference(value: float | None, other: float | Decimal | None) -> float | None:
    if value is None or other is None:
        return None
    return round(value - float(other), 1)


def indicator_values(*, user: User, indicator: Indicator, periods: Periods) -> list[Value]:
    """The indicator's value in each period, suppressed, against its target, baseline and the period before."""
    found = ask_rates(
        user,
        indicator.numerator,
        indicator.denominator or None,
        periods=periods,
        factor=indicator.multiplier,
        by=indicator.breakdown,
        program=indicator.program,
    )
    values, previous = [], None
    for period in found:
        value = period.total.value
        target = indicator.target_for(period.label)
        values.append(
            Value(
                period=period.label,
                start=period.start,
                rate=period.total,
                target=target,
                met=_met(indicator, value, target),
                change=_difference(value, previous),
                from_baseline=_difference(value, indicator.baseline_value),
                rows=period.rows,
            )
        )
        previous = value
    return values


def latest_value(values: list[Value]) -> Value | None:
    """The latest period with a value shown, else the latest period."""
    shown = [value for value in values if value.rate.value is not None]
    return (shown or values or [None])[-1]


@dataclass(frozen=True)
class Listed:
    indicator: Indicator
    latest: Value | None


def indicator_overview(*, user: User, today: date | None = None) -> list[Listed]:
    """Every indicator with its latest value and status: two queries per indicator, whatever the data."""
    return [
        Listed(
            indicator,
            latest_value(
                indicator_values(
                    user=user, indicator=indicator, periods=default_periods(indicator, today=today)
                )
            ),
        )
        for indicator in indicator_list(user=user)
    ]
