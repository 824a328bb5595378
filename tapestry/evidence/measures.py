"""Measures: the one door through which anything above a level reads that level's practice data.

An app that offers aggregates has a `measures.py`, collected by convention (like `timeline.py`,
see tapestry/extensions.py). In it:

- **Named measures**, made with `@measure(name, title)` over a function that runs ONE grouped SQL
  query and returns `(label, count)` rows. Calling the measure passes the rows through small-cell
  suppression (`suppression.suppress_table`: primary and complementary) and returns a `Table`, so
  no caller ever holds a count that has not been suppressed. Names are `<app label>.<what>`
  (`cases.by_need`). A caller above the levels (macro, the thread, an export) asks by name through
  `ask(user, name, **params)`, which refuses a role without the measure's capability
  (`AGGREGATE_READ` unless it says otherwise). A caller that has already checked access the way its
  page does (the program page's case counts) may call `named(name)(**params)`.
- **Period measures**, made with `@period_measure(name, title, ...)` over a function that runs ONE
  grouped SQL query over a whole range of periods (`Periods`: months, quarters or years) and returns
  raw `(period start, row, value)` rows, `row` being "" or, when asked `by=` one of the breakdowns
  the measure offers, the row's label. A period measure is never answered raw: `period_counts` gives
  one measure's counts suppressed period by period, and `rates` pairs a numerator with a denominator
  (an indicator's value) and suppresses the pair together, hiding a rate whose numerator, denominator
  or complement (denominator minus numerator) is small; see docs/suppression.md. A measure of kind
  `SUM` (a total of score changes, not a count of people) names the count it is `over` and is only
  ever answered as the numerator of that count: a mean.
- Optionally **`SERVED`**, a `Served` source: the people the app serves for a program, as SQL
  subqueries of person ids. A source is never evaluated on its own: it is only composed into a
  measure that counts distinct people across apps (program reach, tapestry/programs/reach.py), so
  that a person served by a case and a group counts once, and no person id leaves the database.

Nothing here imports a level: the registry finds the levels' measures at run time.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import DateField, Model, Q, QuerySet, TextChoices
from django.db.models.functions import Trunc

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.evidence.suppression import Cell, is_small, suppress_table, threshold
from tapestry.extensions import app_modules

# The row that holds people served through a sensitive segment (substance use, school, ...) in a
# breakdown: they are counted, never broken down.
CONFIDENTIAL = "Confidential services (not broken down)"

Rows = Iterable[tuple[str, int]]
Program = Model | int  # a program or its id
Period = tuple[date, date | None]  # from (inclusive) to (exclusive; None for open-ended)


@dataclass(frozen=True)
class Table:
    """A measure's answer: its cells and total, already suppressed."""

    title: str
    cells: list[Cell]
    total: Cell
    note: str = ""

    def values(self) -> dict[str, int | None]:
        """Label to shown value (None where suppressed)."""
        return {cell.label: cell.value for cell in self.cells}


@dataclass(frozen=True)
class Measure:
    """A named aggregate of an app's practice data: one grouped query, answered suppressed."""

    name: str
    title: str
    count: Callable[..., Rows]
    capability: Capability = Capability.AGGREGATE_READ
    note: str = ""

    def __call__(self, **params: Any) -> Table:
        rows = self.count(**params)
        cells, total = suppress_table(list(rows), hide=getattr(rows, "hide", ()))
        return Table(self.title, cells, total, self.note)


class RowsHiding(list):
    """A measure's rows with the labels of cells to hide whatever their count (`suppress_table`'s
    `hide`): for a measure whose cells overlap those of other answers of the same measure."""

    def __init__(self, rows: Iterable[tuple[str, int]], hide: Iterable[str]) -> None:
        super().__init__(rows)
        self.hide = frozenset(hide)


def measure(
    name: str, title: str, *, capability: Capability = Capability.AGGREGATE_READ, note: str = ""
) -> Callable[[Callable[..., Rows]], Measure]:
    """Make a function of raw `(label, count)` rows into a named measure that answers suppressed."""

    def make(count: Callable[..., Rows]) -> Measure:
        return Measure(name=name, title=title, count=count, capability=capability, note=note)

    return make


@cache
def registry() -> dict[str, Measure]:
    """Every measure the installed apps offer, by name."""
    found: dict[str, Measure] = {}
    for module in app_modules("measures"):
        for value in vars(module).values():
            if not isinstance(value, Measure):
                continue
            if found.get(value.name, value) is not value:
                raise ImproperlyConfigured(f"Two measures are named {value.name!r}.")
            found[value.name] = value
    return found


def named(name: str) -> Measure:
    """The measure of this name (LookupError if no installed app offers it)."""
    try:
        return registry()[name]
    except KeyError:
        raise LookupError(f"No installed app offers a measure named {name!r}.") from None


def ask(user: User, name: str, **params: Any) -> Table:
    """The measure's answer for someone whose role may ask it (PermissionDenied otherwise)."""
    found = named(name)
    require_capability(user, found.capability)
    return found(**params)


class Served(Protocol):
    """People an app serves for a program, as SQL subqueries of person ids (see the module's note)."""

    def people(
        self, program: Program, *, general_only: bool = False, during: Period | None = None
    ) -> QuerySet:
        """Person ids served by the program (in the general segment only, if asked; in a period)."""
        ...

    def needs(self, program: Program) -> QuerySet:
        """Ids of the needs the program serves in the general segment."""
        ...

    def people_with_need(self, program: Program, need: Any) -> QuerySet:
        """Person ids served in the general segment for `need` (a need or an OuterRef to one)."""
        ...


def served() -> tuple[Served, ...]:
    """The `SERVED` source of every app that has one, in INSTALLED_APPS order."""
    return tuple(module.SERVED for module in app_modules("measures") if hasattr(module, "SERVED"))


def any_of(subqueries: Iterable[QuerySet], field: str = "pk") -> Q:
    """A condition `field IN (one) OR field IN (two) ...`; matches nothing when there are none."""
    conditions = [Q(**{f"{field}__in": subquery}) for subquery in subqueries]
    return functools.reduce(operator.or_, conditions) if conditions else Q(**{f"{field}__in": []})


def month_starts(today: date, months: int = 12) -> list[date]:
    """The first days of the last `months` months, oldest first, ending with this month."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return starts[::-1]


# Period measures: counts over a range of periods in one grouped query, for indicators.


class PeriodType(TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


MONTHS_IN = {PeriodType.MONTH: 1, PeriodType.QUARTER: 3, PeriodType.YEAR: 12}
# A page of an indicator's values stays readable and its one query stays small.
MAX_PERIODS = 120
PERIOD_FORMS = {
    PeriodType.MONTH: (re.compile(r"^(\d{4})-(\d{2})$"), "a month as YYYY-MM, such as 2026-03"),
    PeriodType.QUARTER: (re.compile(r"^(\d{4})-Q([1-4])$"), "a quarter as YYYY-Qn, such as 2026-Q1"),
    PeriodType.YEAR: (re.compile(r"^(\d{4})$"), "a year as YYYY, such as 2026"),
}


def period_start(kind: str, day: date) -> date:
    """The first day of the period of this type that holds `day`."""
    months = MONTHS_IN[PeriodType(kind)]
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def next_period(kind: str, start: date) -> date:
    index = start.year * 12 + start.month - 1 + MONTHS_IN[PeriodType(kind)]
    return date(index // 12, index % 12 + 1, 1)


def period_label(kind: str, start: date) -> str:
    """How a period is written, on the page and in the API: 2026-03, 2026-Q1 or 2026."""
    if kind == PeriodType.YEAR:
        return f"{start.year}"
    if kind == PeriodType.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start:%Y-%m}"


def parse_period(kind: str, text: str) -> date:
    """The first day of the period written `text` (ValueError saying the expected form otherwise)."""
    pattern, expected = PERIOD_FORMS[PeriodType(kind)]
    found = pattern.match(text.strip())
    if found is None:
        raise ValueError(f"Write {expected}.")
    year = int(found.group(1))
    if kind == PeriodType.YEAR:
        return date(year, 1, 1)
    if kind == PeriodType.QUARTER:
        return date(year, (int(found.group(2)) - 1) * 3 + 1, 1)
    month = int(found.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"Write {expected}.")
    return date(year, month, 1)


@dataclass(frozen=True)
class Periods:
    """A run of periods of one type, from the one holding `first` to the one holding `last`."""

    kind: str
    first: date
    last: date

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PeriodType(self.kind))
        object.__setattr__(self, "first", period_start(self.kind, self.first))
        object.__setattr__(self, "last", period_start(self.kind, self.last))
        if self.last < self.first:
            raise ValueError("The last period comes before the first.")
        if len(self.starts) > MAX_PERIODS:
            raise ValueError(f"Ask for at most {MAX_PERIODS} periods at a time.")

    @property
    def starts(self) -> list[date]:
        starts, start = [], self.first
        while start <= self.last:
            starts.append(start)
            start = next_period(self.kind, start)
        return starts

    @property
    def end(self) -> date:
        """The day after the last period (exclusive)."""
        return next_period(self.kind, self.last)

    def label(self, start: date) -> str:
        return period_label(self.kind, start)

    def truncate(self, field: str) -> Trunc:
        """The SQL expression of a date or datetime column's period start, for grouping by period."""
        return Trunc(field, self.kind.value, output_field=DateField())

    def within(self, field: str) -> Q:
        """The rows whose date (`sent_at__date` for a datetime) falls in one of the periods."""
        return Q(**{f"{field}__gte": self.first, f"{field}__lt": self.end})


PeriodRows = Iterable[tuple[date, str, float]]


class Kind(TextChoices):
    COUNT = "count", "A count"
    SUM = "sum", "A total (to be divided by the count it is over)"


@dataclass(frozen=True)
class PeriodMeasure:
    """A named aggregate per period: one grouped query over all the periods asked, never answered raw.

    `rows(periods=, by=, **params)` returns `(period start, row, value)`, `row` "" unless `by` names
    one of `breakdowns` ((key, title) pairs). `unit` says in plain words what one counted thing is.
    """

    name: str
    title: str
    rows: Callable[..., PeriodRows]
    unit: str
    kind: str = Kind.COUNT
    over: str = ""
    breakdowns: tuple[tuple[str, str], ...] = ()
    capability: Capability = Capability.AGGREGATE_READ
    note: str = ""

    def breakdown_title(self, by: str) -> str:
        return dict(self.breakdowns).get(by, "")

    def _raw(self, periods: Periods, by: str, params: dict[str, Any]) -> dict[date, dict[str, float]]:
        if by and by not in dict(self.breakdowns):
            raise ValueError(f"{self.name} cannot be broken down by {by!r}.")
        found: dict[date, dict[str, float]] = {start: {} for start in periods.starts}
        for start, row, value in self.rows(periods=periods, by=by, **params):
            cells = found.get(period_start(periods.kind, start))
            if cells is not None:
                cells[row] = cells.get(row, 0) + (value or 0)
        return found


def period_measure(
    name: str,
    title: str,
    *,
    unit: str,
    kind: str = Kind.COUNT,
    over: str = "",
    breakdowns: tuple[tuple[str, str], ...] = (),
    capability: Capability = Capability.AGGREGATE_READ,
    note: str = "",
) -> Callable[[Callable[..., PeriodRows]], PeriodMeasure]:
    """Make a function of raw per-period rows into a named period measure (answered only suppressed)."""
    if (kind == Kind.SUM) != bool(over):
        raise ImproperlyConfigured(f"{name}: a total names the count it is over, and only a total does.")

    def make(rows: Callable[..., PeriodRows]) -> PeriodMeasure:
        return PeriodMeasure(name, title, rows, unit, kind, over, breakdowns, capability, note)

    return make


@cache
def period_registry() -> dict[str, PeriodMeasure]:
    """Every period measure the installed apps offer, by name (sharing one namespace with `registry`)."""
    found: dict[str, PeriodMeasure] = {}
    for module in app_modules("measures"):
        for value in vars(module).values():
            if not isinstance(value, PeriodMeasure):
                continue
            if found.get(value.name, value) is not value or value.name in registry():
                raise ImproperlyConfigured(f"Two measures are named {value.name!r}.")
            found[value.name] = value
    return found


def period_named(name: str) -> PeriodMeasure:
    """The period measure of this name (LookupError if no installed app offers it)."""
    try:
        return period_registry()[name]
    except KeyError:
        raise LookupError(f"No installed app offers a period measure named {name!r}.") from None


@dataclass(frozen=True)
class Rate:
    """One value of an indicator (a period, or a row of a period's breakdown), already suppressed.

    `numerator` and `denominator` are None where hidden; `value` is None where hidden (`hidden`
    says why) or where there is nothing to divide by.
    """

    row: str
    numerator: float | None
    denominator: int | None
    value: float | None
    hidden: str = ""

    @property
    def suppressed(self) -> bool:
        return bool(self.hidden)


@dataclass(frozen=True)
class RatePeriod:
    start: date
    label: str
    total: Rate
    rows: tuple[Rate, ...]


def _why_small(part: str) -> str:
    return f"fewer than {threshold()} {part}"


DERIVABLE = "hidden so that a small count cannot be worked out from the others shown"


def _settle(values: dict[str, float], hidden: dict[str, str], part: str) -> str:
    """Hide what would let a hidden cell of one row of counts be worked out from its total.

    Adds to `hidden` (label: why) and returns why the total is hidden ("" when shown): a small total
    hides every non-zero cell; one hidden cell hides the next smallest; and the total is hidden when
    the hidden cells together are few, or when nothing else could be hidden beside a lone one.
    """
    total = sum(values.values())
    if is_small(total):
        hidden.update({label: hidden.get(label, _why_small(part)) for label, v in values.items() if v})
        return _why_small(part)
    if len(hidden) == 1:
        others = sorted((v, label) for label, v in values.items() if label not in hidden and v > 0)
        if others:
            hidden[others[0][1]] = DERIVABLE
    if len(hidden) == 1:
        return next(iter(hidden.values()))
    if hidden and is_small(sum(values[label] for label in hidden)):
        return DERIVABLE
    return ""


def suppress_rates(
    numerators: dict[str, float],
    denominators: dict[str, int] | None,
    *,
    factor: float,
    kind: str = Kind.COUNT,
) -> tuple[Rate, list[Rate]]:
    """The period's value and its breakdown rows, each pair suppressed (see docs/suppression.md).

    Without denominators the value is the count itself. With them, a row shows its numerator only
    if neither it nor the rest of its denominator (denominator minus numerator) is small, and its
    denominator only if that is not small; the rate is shown only where both parts are. A total (a
    sum of score changes) is never small itself: it is shown exactly where its count of people is.
    """
    labels = list(dict.fromkeys([*(denominators or {}), *numerators]))
    n = {label: numerators.get(label, 0) for label in labels}
    if denominators is None:
        hide_n: dict[str, str] = {label: _why_small("counted") for label in labels if is_small(int(n[label]))}
        total_n = _settle(n, hide_n, "counted")
        rows = [
            Rate(
                label,
                None if label in hide_n else n[label],
                None,
                None if label in hide_n else n[label] * factor,
                hide_n.get(label, ""),
            )
            for label in labels
        ]
        total = sum(n.values())
        shown_total = None if total_n else total
        return Rate("", shown_total, None, None if total_n else total * factor, total_n), rows
    d = {label: denominators.get(label, 0) for label in labels}
    hide_d = {label: _why_small("in the denominator") for label in labels if is_small(d[label])}
    total_d = _settle(d, hide_d, "in the denominator")
    if kind == Kind.SUM:
        hide_n = dict(hide_d)
        total_n = total_d
    else:
        hide_n = {}
        for label in labels:
            if is_small(int(n[label])):
                hide_n[label] = _why_small("in the numerator")
            elif is_small(int(d[label] - n[label])) and label not in hide_d:
                hide_n[label] = _why_small("in the denominator but not the numerator")
        total_n = _settle(n, hide_n, "in the numerator")
        if not total_n and not total_d:
            # The rest (denominator minus numerator) of the rows not fully shown can be had by
            # subtracting the shown totals: it must not be small either.
            unknown = set(hide_n) | set(hide_d)
            rest = sum(d[label] - n[label] for label in unknown)
            if is_small(int(sum(d.values()) - sum(n.values()))):
                total_n = _why_small("in the denominator but not the numerator")
            elif is_small(int(rest)):
                total_n = DERIVABLE
        if total_n and not any(n[label] for label in hide_n):
            # A hidden total must not be the sum of the cells shown: with no count hidden among
            # them, hide every non-zero one.
            hide_n.update({label: total_n for label in labels if n[label]})

    def rate(label: str, num: float, den: int, why_n: str, why_d: str) -> Rate:
        shown_n, shown_d = (None if why_n else num), (None if why_d else den)
        value = None
        if shown_n is not None and shown_d:
            value = round(num / den * factor, 1)
        return Rate(label, shown_n, shown_d, value, why_d or why_n)

    rows = [rate(label, n[label], d[label], hide_n.get(label, ""), hide_d.get(label, "")) for label in labels]
    return rate("", sum(n.values()), sum(d.values()), total_n, total_d), rows


def rates(
    numerator: PeriodMeasure,
    denominator: PeriodMeasure | None = None,
    *,
    periods: Periods,
    factor: float = 1,
    by: str = "",
    **params: Any,
) -> list[RatePeriod]:
    """An indicator's values per period (and breakdown row): two grouped queries, suppressed together."""
    if numerator.kind == Kind.SUM and (denominator is None or denominator.name != numerator.over):
        raise ValidationError(f"{numerator.name} is a total: divide it by {numerator.over}.")
    if denominator is not None and denominator.kind != Kind.COUNT:
        raise ValidationError(f"{denominator.name} is not a count: it cannot be a denominator.")
    tops = numerator._raw(periods, by, params)
    bottoms = denominator._raw(periods, by, params) if denominator is not None else None
    # Every period lists the same rows, by name, the confidential one last.
    seen = {label for counts in (tops, bottoms or {}) for cells in counts.values() for label in cells}
    labels = sorted(seen, key=lambda label: (label == CONFIDENTIAL, label))
    found = []
    for start in periods.starts:
        top = {label: tops[start].get(label, 0) for label in labels}
        bottom = None if bottoms is None else {label: bottoms[start].get(label, 0) for label in labels}
        total, rows = suppress_rates(top, bottom, factor=factor, kind=numerator.kind)
        found.append(RatePeriod(start, periods.label(start), total, tuple(rows) if by else ()))
    return found


def ask_rates(user: User, numerator: str, denominator: str | None = None, **params: Any) -> list[RatePeriod]:
    """`rates` of the named measures for someone whose role may ask both (PermissionDenied otherwise)."""
    top = period_named(numerator)
    bottom = period_named(denominator) if denominator else None
    for found in (top, bottom):
        if found is not None:
            require_capability(user, found.capability)
    return rates(top, bottom, **params)
