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
  ever answered as the numerator of that count: a mean. A count that counts a part of another (those
  attended of those expected) says so with `within`, and only such a count is a rate's numerator.
  Every period measure offers the breakdown `program` (by the program's name) and counts each thing
  in one period and one program: `rates` reads the months of whole years by program and suppresses
  every month, quarter, year, program and row together, so no page's figure less another's is small.
- Optionally **`SERVED`**, a `Served` source: the people the app serves for a program, as SQL
  subqueries of person ids. A source is never evaluated on its own: it is only composed into a
  measure that counts distinct people across apps (program reach, tapestry/programs/reach.py), so
  that a person served by a case and a group counts once, and no person id leaves the database.

Nothing here imports a level: the registry finds the levels' measures at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import DateField, Model, Q, QuerySet, TextChoices
from django.db.models.functions import Trunc
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.evidence.grid import Parts, suppress_grid
from tapestry.evidence.suppression import Cell, suppress_table
from tapestry.extensions import app_modules

# The row that holds people served through a sensitive segment (substance use, school, ...) in a
# breakdown: they are counted, never broken down.
# A label compared in SQL and across apps: kept in English, translated where a page shows it.
CONFIDENTIAL = gettext_noop("Confidential services (not broken down)")

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

    def need_people(self, program: Program) -> QuerySet:
        """(need id, person id) pairs served in the general segment, as `values_list("need", "person")`
        with those two annotation names, so the sources' pairs can be unioned and counted by need."""
        ...


def served() -> tuple[Served, ...]:
    """The `SERVED` source of every app that has one, in INSTALLED_APPS order."""
    return tuple(module.SERVED for module in app_modules("measures") if hasattr(module, "SERVED"))


def any_of(subqueries: Iterable[QuerySet], field: str = "pk") -> Q:
    """A condition `field IN (one UNION two ...)`; matches nothing when there are none.

    One IN over a UNION, not an OR of INs: PostgreSQL makes the former a semi-join it can drive from
    an index, and can only test the latter row by row over the whole table (tests/test_access_plans.py).
    """
    parts = [subquery.order_by() for subquery in subqueries]
    if not parts:
        return Q(**{f"{field}__in": []})
    first, *rest = parts
    return Q(**{f"{field}__in": first.union(*rest) if rest else first})


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
    MONTH = "month", gettext_lazy("Month")
    QUARTER = "quarter", gettext_lazy("Quarter")
    YEAR = "year", gettext_lazy("Year")


MONTHS_IN = {PeriodType.MONTH: 1, PeriodType.QUARTER: 3, PeriodType.YEAR: 12}
# A page of an indicator's values stays readable and its one query stays small.
MAX_PERIODS = 120
PERIOD_FORMS = {
    PeriodType.MONTH: (
        re.compile(r"^(\d{4})-(\d{2})$"),
        gettext_noop("Write a month as YYYY-MM, such as 2026-03."),
    ),
    PeriodType.QUARTER: (
        re.compile(r"^(\d{4})-Q([1-4])$"),
        gettext_noop("Write a quarter as YYYY-Qn, such as 2026-Q1."),
    ),
    PeriodType.YEAR: (re.compile(r"^(\d{4})$"), gettext_noop("Write a year as YYYY, such as 2026.")),
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
        raise ValueError(gettext(expected))
    year = int(found.group(1))
    if kind == PeriodType.YEAR:
        return date(year, 1, 1)
    if kind == PeriodType.QUARTER:
        return date(year, (int(found.group(2)) - 1) * 3 + 1, 1)
    month = int(found.group(2))
    if not 1 <= month <= 12:
        raise ValueError(gettext(expected))
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
            raise ValueError(gettext("The last period comes before the first."))
        if len(self.starts) > MAX_PERIODS:
            raise ValueError(gettext("Ask for at most %(n)s periods at a time.") % {"n": MAX_PERIODS})

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
    COUNT = "count", gettext_lazy("A count")
    SUM = "sum", gettext_lazy("A total (to be divided by the count it is over)")


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
    within: str = ""

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
    within: str = "",
) -> Callable[[Callable[..., PeriodRows]], PeriodMeasure]:
    """Make a function of raw per-period rows into a named period measure (answered only suppressed)."""
    if (kind == Kind.SUM) != bool(over):
        raise ImproperlyConfigured(f"{name}: a total names the count it is over, and only a total does.")

    def make(rows: Callable[..., PeriodRows]) -> PeriodMeasure:
        return PeriodMeasure(name, title, rows, unit, kind, over, breakdowns, capability, note, within)

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


# The breakdown by program every period measure offers: a program's cells add up to the agency's,
# so an indicator of one program is read from the same grid as the agency's (see `rates`).
BY_PROGRAM_KEY = "program"


def _program_label(program: Program) -> str:
    if isinstance(program, Model):
        return str(program.name)
    # Programs keep the app label "mezzo" (tapestry/programs/apps.py).
    found = apps.get_model("mezzo", "Program").objects.filter(pk=program).values_list("name", flat=True)
    return next(iter(found), "")


def _grid_periods(periods: Periods) -> Periods:
    """The months of every whole year the periods touch: the finest cells, whatever was asked."""
    months = Periods.__new__(Periods)
    for name, value in (
        ("kind", PeriodType.MONTH),
        ("first", date(periods.first.year, 1, 1)),
        ("last", date(periods.last.year, 12, 1)),
    ):
        object.__setattr__(months, name, value)
    return months


def _cells(
    asked: list[PeriodMeasure], periods: Periods, dims: list[str], params: dict[str, Any]
) -> tuple[dict[str, dict[tuple, float]], list[tuple[tuple, list[tuple]]], dict[str, list[str]]]:
    """Each measure's cells (kind, period start, dimension, row), the sums that tie them, and each
    dimension's rows. Two grouped queries per measure and dimension, by month over whole years."""
    months = _grid_periods(periods)
    raw = {found.name: {dim: found._raw(months, dim, params) for dim in dims or [""]} for found in asked}
    labels = {
        dim: sorted(
            {label for per in raw.values() for row in per[dim].values() for label in row},
            key=lambda label: (label == CONFIDENTIAL, label),
        )
        for dim in dims
    }
    first = (dims or [""])[0]
    values: dict[str, dict[tuple, float]] = {name: {} for name in raw}
    for name, per in raw.items():
        cells = values[name]
        for start in months.starts:
            for kind in PeriodType:
                begins = period_start(kind, start)
                whole = (kind.value, begins, "", "")
                cells[whole] = cells.get(whole, 0) + sum(per[first][start].values())
                for dim in dims:
                    for label in labels[dim]:
                        key = (kind.value, begins, dim, label)
                        cells[key] = cells.get(key, 0) + per[dim][start].get(label, 0)
    keys = list(next(iter(values.values())))
    sums: list[tuple[tuple, list[tuple]]] = []
    rows = [("", "")] + [(dim, label) for dim in dims for label in labels[dim]]
    for kind, finer in ((PeriodType.YEAR, PeriodType.QUARTER), (PeriodType.QUARTER, PeriodType.MONTH)):
        for begins in sorted({key[1] for key in keys if key[0] == kind}):
            parts = [begins]
            while next_period(finer, parts[-1]) < next_period(kind, begins):
                parts.append(next_period(finer, parts[-1]))
            for dim, label in rows:
                sums.append(
                    ((kind.value, begins, dim, label), [(finer.value, part, dim, label) for part in parts])
                )
    for kind in PeriodType:
        for begins in sorted({key[1] for key in keys if key[0] == kind}):
            for dim in dims:
                whole = (kind.value, begins, "", "")
                sums.append((whole, [(kind.value, begins, dim, label) for label in labels[dim]]))
    return values, sums, labels


def _hidden(
    found: PeriodMeasure,
    values: dict[str, dict[tuple, float]],
    sums: list[tuple[tuple, list[tuple]]],
    memo: dict[str, dict[tuple, str]],
    known: dict[str, PeriodMeasure],
) -> dict[tuple, str]:
    """The cells of a measure hidden wherever it is shown: the same whatever it is paired with.

    A count alone is suppressed as a grid of its own. A count `within` another (those attended
    within those expected) is suppressed with its rest, the other less it, and wherever the other
    is hidden: shown beside the other, anywhere, it must not give a small rest. A total (a sum of
    score changes) is shown exactly where the count it is over is shown.
    """
    if found.name in memo:
        return memo[found.name]
    if found.kind == Kind.SUM:
        hidden = _hidden(known[found.over], values, sums, memo, known)
    elif found.within:
        container = known[found.within]
        outer = _hidden(container, values, sums, memo, known)
        mine, theirs = values[found.name], values[container.name]
        pairs = {key: Parts(mine[key], int(theirs[key])) for key in mine}
        hidden = suppress_grid(pairs, sums, hidden_already=outer)
    else:
        hidden = suppress_grid({key: Parts(value) for key, value in values[found.name].items()}, sums)
    memo[found.name] = hidden
    return hidden


def _rate(label: str, parts: Parts, why_n: str, why_d: str, factor: float) -> Rate:
    n, d = parts.numerator, parts.denominator
    if d is None:
        return Rate(label, None, None, None, why_n) if why_n else Rate(label, n, None, n * factor)
    value = round(n / d * factor, 1) if d and not (why_n or why_d) else None
    return Rate(label, None if why_n else n, None if why_d else d, value, why_d or why_n)


def rates(
    numerator: PeriodMeasure,
    denominator: PeriodMeasure | None = None,
    *,
    periods: Periods,
    factor: float = 1,
    by: str = "",
    program: Program | None = None,
    **params: Any,
) -> list[RatePeriod]:
    """An indicator's values per period (and breakdown row), suppressed with every other way of asking.

    The numerator and denominator are read per month over the whole years asked, by program and by
    the breakdown (two grouped queries each), and suppressed as one grid (`grid.suppress_grid`):
    the year and its quarters and months, the agency and its programs, the total and its rows. A
    measure's hidden cells are the same whatever it is paired with (`_hidden`): a count's numerator
    must count a part of its denominator (`within`), so its rest is protected wherever both show.
    So no number this shows, less any other number any page shows of the same measures, is small.
    """
    if numerator.kind == Kind.SUM and (denominator is None or denominator.name != numerator.over):
        raise ValidationError(f"{numerator.name} is a total: divide it by {numerator.over}.")
    if denominator is not None and denominator.kind != Kind.COUNT:
        raise ValidationError(f"{denominator.name} is not a count: it cannot be a denominator.")
    if denominator is not None and numerator.kind == Kind.COUNT and numerator.within != denominator.name:
        raise ValidationError(
            f"{numerator.name} does not count a part of {denominator.name}: it cannot be its numerator."
        )
    measures = [found for found in (numerator, denominator) if found is not None]
    for found in measures:
        if by and by not in dict(found.breakdowns):
            raise ValueError(f"{found.name} cannot be broken down by {by!r}.")
    by_program = all(BY_PROGRAM_KEY in dict(found.breakdowns) for found in measures)
    if program is not None and not by_program:
        raise ValueError(f"{numerator.name} cannot be asked for one program.")
    if program is not None and by:
        raise ValidationError(
            gettext(
                "A figure of one program is not broken down: its rows could be subtracted from the agency's."
            )
        )
    dims = list(dict.fromkeys(([BY_PROGRAM_KEY] if by_program else []) + ([by] if by else [])))
    asked = {found.name: found for found in measures}
    for found in measures:
        while found.within or found.over:
            name = found.within or found.over
            found = asked.get(name) or period_named(name)
            asked.setdefault(found.name, found)
    values, sums, labels = _cells(list(asked.values()), periods, dims, params)
    memo: dict[str, dict[tuple, str]] = {}
    hidden_n = _hidden(numerator, values, sums, memo, asked)
    hidden_d = _hidden(denominator, values, sums, memo, asked) if denominator is not None else hidden_n
    if denominator is not None:
        # A count alone says it was "counted"; beside another, say which part was small.
        hidden_n = {key: why.replace(" counted", " in the numerator") for key, why in hidden_n.items()}
        hidden_d = {key: why.replace(" counted", " in the denominator") for key, why in hidden_d.items()}
    tops, bottoms = values[numerator.name], values[denominator.name] if denominator is not None else None

    def parts(key: tuple) -> Parts:
        return Parts(tops.get(key, 0), None if bottoms is None else int(bottoms.get(key, 0)))

    own = ("", "") if program is None else (BY_PROGRAM_KEY, _program_label(program))
    found = []
    for start in periods.starts:
        key = (periods.kind.value, start, *own)
        whole = parts(key)
        rows = []
        for label in labels.get(by, []) if by else []:
            row = (periods.kind.value, start, by, label)
            rows.append(_rate(label, parts(row), hidden_n.get(row, ""), hidden_d.get(row, ""), factor))
        found.append(
            RatePeriod(
                start,
                periods.label(start),
                _rate("", whole, hidden_n.get(key, ""), hidden_d.get(key, ""), factor),
                tuple(rows),
            )
        )
    return found


def ask_rates(user: User, numerator: str, denominator: str | None = None, **params: Any) -> list[RatePeriod]:
    """`rates` of the named measures for someone whose role may ask both (PermissionDenied otherwise)."""
    top = period_named(numerator)
    bottom = period_named(denominator) if denominator else None
    for found in (top, bottom):
        if found is not None:
            require_capability(user, found.capability)
    return rates(top, bottom, **params)
