"""A program's reach: how many people it served, for which needs, who they were, and when.

Every figure is a distinct count of persons computed in SQL, and every figure passes through
small-cell suppression (tapestry/evidence/suppression.py) before anyone sees it. People reached
only through a sensitive-segment case or group (substance use, school, ...) are counted in the
totals, never broken down: the breakdown tables put them in one "confidential services" row,
which is itself suppressed when small, so no subtraction gives them back.

Who a program served comes through the measures contract (tapestry/evidence/measures.py): each app
that serves people for a program (cases, groups) offers a `SERVED` source of person-id subqueries,
and reach counts distinct people across them, so a person served both ways counts once. Programs
import no level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Case as SqlCase
from django.db.models import Count, Q, Value, When
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from tapestry.access.models import User
from tapestry.evidence.measures import CONFIDENTIAL, Table, any_of, month_starts, served
from tapestry.evidence.suppression import Cell, suppress_count, suppress_table
from tapestry.needs.models import Need
from tapestry.people.models import Person
from tapestry.programs.models import Program
from tapestry.programs.selectors import require_reachable

__all__ = ["CONFIDENTIAL", "Reach", "program_reach"]

MONTHS = 12
# Labels are compared in SQL in English and translated when the table is built.
NOT_RECORDED = gettext_noop("Not recorded")
AGE_BANDS = (
    (18, gettext_noop("Under 18")),
    (25, "18–24"),
    (45, "25–44"),
    (65, "45–64"),
    (None, gettext_noop("65 and over")),
)


@dataclass
class Reach:
    program: Program
    people_served: Cell
    by_need: Table
    by_age: Table
    by_gender: Table
    by_month: Table

    @property
    def breakdowns(self) -> list[Table]:
        return [self.by_need, self.by_age, self.by_gender, self.by_month]


def _people(program: Program, *, general_only: bool = False) -> Q:
    """A condition on Person: served by the program's cases or groups (general segment only if asked)."""
    return any_of(source.people(program, general_only=general_only) for source in served())


def _years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _by_age(program: Program, today: date, confidential: int) -> Table:
    whens = []
    for years, label in AGE_BANDS:
        if years is not None:
            whens.append(When(date_of_birth__gt=_years_ago(today, years), then=Value(label)))
    band = SqlCase(
        When(date_of_birth__isnull=True, then=Value(NOT_RECORDED)), *whens, default=Value(AGE_BANDS[-1][1])
    )
    found = dict(
        Person.objects.filter(_people(program, general_only=True))
        .annotate(band=band)
        .order_by()
        .values_list("band")
        .annotate(n=Count("pk"))
    )
    rows = [(gettext(label), found.get(label, 0)) for _, label in AGE_BANDS]
    rows += [(gettext(NOT_RECORDED), found.get(NOT_RECORDED, 0)), (gettext(CONFIDENTIAL), confidential)]
    cells, total = suppress_table(rows)
    return Table(
        gettext("People served by age"), cells, total, gettext("Age today, from the date of birth on file.")
    )


def _by_gender(program: Program, confidential: int) -> Table:
    found = (
        Person.objects.filter(_people(program, general_only=True))
        .annotate(gender=Lower(Trim("gender_identity")))
        .order_by()
        .values_list("gender")
        .annotate(n=Count("pk"))
        .order_by("-n", "gender")
    )
    rows = [(gender.capitalize() if gender else gettext(NOT_RECORDED), n) for gender, n in found]
    rows.append((gettext(CONFIDENTIAL), confidential))
    cells, total = suppress_table(rows)
    return Table(
        gettext("People served by gender"), cells, total, gettext("Gender as the person describes it.")
    )


def _by_need(program: Program) -> Table:
    """Distinct people per need: needs coded on the program's cases, and its groups' focus needs.

    The sources' (need, person) pairs are one UNION (which drops a pair found both ways), counted by
    need in one grouped statement, whatever the number of needs (not a count per need)."""
    pairs = [source.need_people(program).order_by() for source in served()]
    rows: list[tuple[str, int]] = []
    if pairs:
        first, *rest = pairs
        union = first.union(*rest) if rest else first
        # The inner SQL is Django's own compilation of the union, its values passed as parameters.
        sql, params = union.query.sql_with_params()
        table = connection.ops.quote_name(Need._meta.db_table)
        pk = connection.ops.quote_name(Need._meta.pk.column)
        # DISTINCT: with a single source there is no UNION to drop a person counted twice for a need.
        grouped = (
            f"SELECT need.label, COUNT(DISTINCT pair.person_ref) FROM ({sql}) pair "  # noqa: S608
            f"JOIN {table} need ON need.{pk} = pair.need_ref GROUP BY need.{pk}, need.label"
        )
        with connection.cursor() as cursor:
            cursor.execute(grouped, params)
            rows = sorted(cursor.fetchall(), key=lambda row: (-row[1], row[0]))
    cells, total = suppress_table(rows)
    return Table(
        gettext("People served by need"),
        cells,
        total,
        gettext("A person with several needs counts once under each; the total counts needs, not people."),
    )


def _by_month(program: Program, today: date) -> Table:
    """People with a case open or a group place held at some point in each of the last twelve months."""
    starts = month_starts(today, MONTHS)
    ends = [*starts[1:], None]
    sources = served()
    counts = {
        f"m{n}": Count("pk", filter=any_of(source.people(program, during=(start, end)) for source in sources))
        for n, (start, end) in enumerate(zip(starts, ends, strict=True))
    }
    found = Person.objects.filter(_people(program)).aggregate(**counts)
    rows = [(date_format(start, "M Y"), found[f"m{n}"]) for n, start in enumerate(starts)]
    cells, total = suppress_table(rows)
    return Table(
        gettext("People served by month"),
        cells,
        total,
        gettext("Someone served over several months counts in each; the total counts person-months."),
    )


def program_reach(*, user: User, program_id: int) -> Reach:
    """The program's reach for someone who may see it (404 for a program manager not on it)."""
    program = require_reachable(user, program_id)
    today = timezone.localdate()
    headline = Person.objects.filter(_people(program)).aggregate(
        total=Count("pk"), general=Count("pk", filter=_people(program, general_only=True))
    )
    confidential = headline["total"] - headline["general"]
    return Reach(
        program=program,
        people_served=suppress_count("People served", headline["total"]),
        by_need=_by_need(program),
        by_age=_by_age(program, today, confidential),
        by_gender=_by_gender(program, confidential),
        by_month=_by_month(program, today),
    )
