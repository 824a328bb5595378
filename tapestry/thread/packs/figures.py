"""The figures of an evidence pack: practice data read through the levels' period measures.

Each figure is one period measure (a count) or a pair (a rate: a part of a count; a mean: a total
over a count), asked through `evidence.measures.ask_rates`, which reads it by month and program
over whole years in grouped queries and suppresses every month, quarter, year, program and
breakdown row together (`evidence/grid.py`): a count from 1 to 10 is hidden (primary), and a
further cell is hidden wherever a hidden one could be worked out from a row, column or grand total
(complementary). A pack spans whole calendar years, so its year totals and its "all" row are cells
of that same grid, and no number here less any other number shown anywhere is small.

Queries: two grouped queries per measure and dimension for the periods, two more for the year
totals, whatever the data; the number of figures is fixed by the pack's needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext, gettext_noop, ngettext

from tapestry.access.models import User
from tapestry.evidence.measures import (
    CONFIDENTIAL,
    Kind,
    PeriodMeasure,
    Periods,
    PeriodType,
    Rate,
    RatePeriod,
    ask_rates,
    period_named,
    period_registry,
)
from tapestry.evidence.suppression import Cell, threshold
from tapestry.micro.cases.measures import ADDRESS_CONFIDENTIAL, NO_ADDRESS, NOT_PLACED
from tapestry.micro.cases.measures import NO_PROGRAM as CASES_NO_PROGRAM
from tapestry.micro.referrals.measures import NOT_TYPED

ALL_ROWS = gettext_noop("All")
# Rows a measure names in its own fixed words (not data), marked in its app's catalog.
FIXED_ROWS = frozenset(
    {CONFIDENTIAL, ADDRESS_CONFIDENTIAL, NO_ADDRESS, NOT_PLACED, CASES_NO_PROGRAM, NOT_TYPED}
)


@dataclass(frozen=True)
class Spec:
    """What one figure counts: its measures, breakdown and the parameters they are asked with."""

    key: str
    title: str
    numerator: str
    denominator: str | None = None
    by: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    factor: float = 1

    @property
    def kind(self) -> str:
        """ "count", "rate" (a part of a count, in per cent) or "mean" (a total over a count)."""
        if self.denominator is None:
            return "count"
        return "mean" if period_named(self.numerator).kind == Kind.SUM else "rate"


@dataclass(frozen=True)
class Column:
    label: str
    kind: str
    start: date

    @property
    def is_total(self) -> bool:
        return self.kind == PeriodType.YEAR


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Rate, ...]


@dataclass(frozen=True)
class Figure:
    """One figure as every format shows it: its measures, period, columns, rows and suppression."""

    spec: Spec
    measures: str
    unit: str
    period: str
    by: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    hidden: int
    note: str

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def title(self) -> str:
        return gettext(self.spec.title)

    def trend(self) -> list[Cell]:
        """The "all" row per period (no year totals), as cells for a bar chart: the value, or hidden."""
        cells = []
        for column, rate in zip(self.columns, self.rows[0].cells, strict=True):
            if not column.is_total:
                value = None if rate.value is None else round(rate.value)
                cells.append(Cell(column.label, value))
        return cells


def shown(rate: Rate, kind: str) -> str:
    """A cell as written in the table, the PDF and the CSV's "shown" column."""
    if rate.suppressed:
        return f"<{threshold()}" if "fewer than" in rate.hidden else gettext("hidden")
    if rate.value is None:
        return "-"
    if kind == "count":
        return str(int(rate.value))
    if kind == "rate":
        return gettext("%(value)s%% (%(numerator)s of %(denominator)s)") % {
            "value": rate.value,
            "numerator": int(rate.numerator or 0),
            "denominator": rate.denominator,
        }
    return gettext("%(value)s (over %(denominator)s)") % {
        "value": rate.value,
        "denominator": rate.denominator,
    }


def _translated(text: str) -> str:
    """Text another app declares (a measure's title), as its catalog has it in the active language."""
    return gettext(text) if text else text


def _measure_name(found: PeriodMeasure) -> str:
    return f"{_translated(found.title)} ({found.name})"


def _unit(spec: Spec) -> str:
    top = period_named(spec.numerator)
    if spec.denominator is None:
        return gettext("count of %(unit)s") % {"unit": gettext(top.unit)} if top.unit else gettext("count")
    bottom = period_named(spec.denominator)
    if spec.kind == "mean":
        return (
            gettext("mean per %(unit)s") % {"unit": gettext(bottom.unit)} if bottom.unit else gettext("mean")
        )
    return (
        gettext("per cent of %(unit)s") % {"unit": gettext(bottom.unit)}
        if bottom.unit
        else gettext("per cent")
    )


def _note(hidden: int) -> str:
    rule = gettext(
        "Counts from 1 to %(below)s are hidden (primary suppression), and so is any further "
        "cell from which a hidden count could be worked out with a row, column or grand total, or "
        "with the same measure shown elsewhere (complementary suppression)."
    ) % {"below": threshold() - 1}
    if not hidden:
        return rule
    here = ngettext("%(n)s cell hidden here.", "%(n)s cells hidden here.", hidden) % {"n": hidden}
    return f"{rule} {here}"


def figure(user: User, spec: Spec, *, first_year: int, last_year: int, columns: str) -> Figure:
    """The figure over whole years: a column per period of the kind asked, then each year's total."""
    fine = Periods(columns, date(first_year, 1, 1), date(last_year, 12, 1))
    years = Periods(PeriodType.YEAR, date(first_year, 1, 1), date(last_year, 1, 1))
    asked = {
        "periods": None,
        "by": spec.by,
        "factor": 100 if spec.kind == "rate" else spec.factor,
        **spec.params,
    }
    per_period = ask_rates(user, spec.numerator, spec.denominator, **{**asked, "periods": fine})
    per_year = ask_rates(user, spec.numerator, spec.denominator, **{**asked, "periods": years})
    ordered: list[tuple[Column, RatePeriod]] = []
    by_year = {found.start.year: found for found in per_year}
    for found in per_period:
        ordered.append((Column(found.label, columns, found.start), found))
        if next_is_new_year(found, per_period):
            total = by_year[found.start.year]
            ordered.append(
                (
                    Column(gettext("%(year)s total") % {"year": total.label}, PeriodType.YEAR, total.start),
                    total,
                )
            )
    labels = [rate.row for rate in per_period[0].rows] if per_period else []
    rows = [Row(gettext(ALL_ROWS), tuple(found.total for _, found in ordered))]
    for index, label in enumerate(labels):
        shown_label = gettext(label) if label in FIXED_ROWS else label
        rows.append(Row(shown_label, tuple(found.rows[index] for _, found in ordered)))
    hidden = sum(1 for row in rows for rate in row.cells if rate.suppressed)
    top = period_named(spec.numerator)
    measures = _measure_name(top)
    if spec.denominator:
        measures = gettext("%(numerator)s over %(denominator)s") % {
            "numerator": measures,
            "denominator": _measure_name(period_named(spec.denominator)),
        }
    return Figure(
        spec=spec,
        measures=measures,
        unit=_unit(spec),
        period=f"{first_year}"
        if first_year == last_year
        else gettext("%(first)s to %(last)s") % {"first": first_year, "last": last_year},
        by=_translated(top.breakdown_title(spec.by)) if spec.by else "",
        columns=tuple(column for column, _ in ordered),
        rows=tuple(rows),
        hidden=hidden,
        note=_note(hidden),
    )


def next_is_new_year(found: RatePeriod, run: Sequence[RatePeriod]) -> bool:
    """Whether `found` is the last period of its year in the run."""
    later = [other for other in run if other.start > found.start]
    return not later or later[0].start.year != found.start.year


def available(names: Iterable[str]) -> bool:
    """Whether every named period measure is offered by an installed app."""
    registry = period_registry()
    return all(name in registry for name in names)
