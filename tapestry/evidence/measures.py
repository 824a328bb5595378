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
- Optionally **`SERVED`**, a `Served` source: the people the app serves for a program, as SQL
  subqueries of person ids. A source is never evaluated on its own: it is only composed into a
  measure that counts distinct people across apps (program reach, tapestry/programs/reach.py), so
  that a person served by a case and a group counts once, and no person id leaves the database.

Nothing here imports a level: the registry finds the levels' measures at run time.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.evidence.suppression import Cell, suppress_table
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
        cells, total = suppress_table(list(self.count(**params)))
        return Table(self.title, cells, total, self.note)


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
