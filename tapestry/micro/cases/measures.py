"""The measures cases offer (the contract: tapestry/evidence/measures.py).

Counts of cases by status, need, program, worker, area (postcode, or a places area) and month, each one grouped
SQL query (two for places areas) and answered suppressed; housing needs identified and met in time per
period, for indicators; and `SERVED`, the people a program serves through its cases, for program reach.
Cases in a sensitive segment count in totals and by status, program and month, but are never
broken down by need: they make one "confidential services" row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as SqlCase
from django.db.models.functions import Trim, TruncMonth, Upper
from django.utils import timezone
from django.utils.translation import gettext_noop

from tapestry.access.policy import Capability
from tapestry.evidence.measures import (
    CONFIDENTIAL,
    Measure,
    Period,
    PeriodRows,
    Periods,
    Program,
    Rows,
    RowsHiding,
    Table,
    measure,
    month_starts,
    period_measure,
)
from tapestry.evidence.suppression import Cell, hidden_together, is_small, suppress_table
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Domain
from tapestry.people.models import Address
from tapestry.places.models import Area, AreaPostcode, row_label

NO_PROGRAM = gettext_noop("No program")
NO_ADDRESS = gettext_noop("No current address")
ADDRESS_CONFIDENTIAL = gettext_noop("Address confidential")


def _cases(program: Program | None, open_only: bool) -> QuerySet[Case]:
    cases = Case.objects.all() if program is None else Case.objects.filter(program=program)
    return cases.exclude(status=Case.Status.CLOSED) if open_only else cases


@measure(
    "cases.by_status",
    gettext_noop("Cases by status"),
    note=gettext_noop("Cases in a sensitive segment count here too."),
)
def by_status(*, program: Program | None = None) -> Rows:
    found = dict(_cases(program, False).values_list("status").annotate(n=Count("pk")))
    return [(str(label), found.get(key, 0)) for key, label in Case.Status.choices]


@measure(
    "cases.by_need",
    gettext_noop("Cases by need"),
    note=gettext_noop("A case with several needs counts once under each; the total counts needs, not cases."),
)
def by_need(*, program: Program | None = None, open_only: bool = False) -> Rows:
    needs = CaseNeed.objects.all() if program is None else CaseNeed.objects.filter(case__program=program)
    if open_only:
        needs = needs.exclude(case__status=Case.Status.CLOSED)
    row = SqlCase(When(case__segment="", then=F("need__label")), default=Value(CONFIDENTIAL))
    found = list(
        needs.annotate(row=row)
        .order_by()
        .values_list("row")
        .annotate(n=Count("case", distinct=True))
        .order_by("-n", "row")
    )
    rows = [(label, n) for label, n in found if label != CONFIDENTIAL]
    return [*rows, (CONFIDENTIAL, sum(n for label, n in found if label == CONFIDENTIAL))]


@measure("cases.by_program", gettext_noop("Cases by program"))
def by_program(*, open_only: bool = False) -> Rows:
    found = (
        _cases(None, open_only)
        .order_by()
        .values_list("program_id", "program__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "program__name")
    )
    return [(name or NO_PROGRAM, n) for _, name, n in found]


@measure("cases.opened_by_month", gettext_noop("Cases opened by month"))
def opened_by_month(*, program: Program | None = None, months: int = 12, today: date | None = None) -> Rows:
    starts = month_starts(today or timezone.localdate(), months)
    found = dict(
        _cases(program, False)
        .filter(opened_on__gte=starts[0])
        .annotate(month=TruncMonth("opened_on"))
        .order_by()
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    return [(f"{start:%b %Y}", found.get(start, 0)) for start in starts]


@measure(
    "cases.open_by_worker",
    gettext_noop("Open cases by worker"),
    # Each worker's caseload is for leadership, not for every reader of counts.
    capability=Capability.AGENCY_LEAD,
    note=(
        gettext_noop(
            "Cases open or on hold, by their assigned worker; cases in a sensitive segment count too. "
            "A worker with few cases is hidden, with the next smallest caseloads while the hidden ones "
            "together are few, so the total less the caseloads shown is never a small count."
        )
    ),
)
def open_by_worker() -> Rows:
    found = list(
        _cases(None, True)
        .order_by()
        .values_list("worker_id", "worker__first_name", "worker__last_name", "worker__username")
        .annotate(n=Count("pk"))
        .order_by("-n", "worker__last_name", "worker__first_name", "worker_id")
    )
    names = [f"{first} {last}".strip() or username for _, first, last, username, _ in found]
    rows = [
        (f"{name} ({username})" if names.count(name) > 1 else name, n)
        for (_, _, _, username, n), name in zip(found, names, strict=True)
    ]
    # Each case has one worker, so no other shown number splits a caseload: hiding enough of them
    # together is the whole rule.
    return RowsHiding(rows, hidden_together(rows))


NOT_PLACED = gettext_noop("Not in any area of this kind")


def _placed_cases(program: Program | None, during: Period | None) -> QuerySet[Case]:
    """Cases with the postcode (as places store it) and confidentiality of the client's newest current address."""
    cases = _cases(program, False)
    if during is not None:
        cases = cases.filter(_during(during))
    address = Address.objects.filter(person=OuterRef("person_id"), is_current=True).order_by("-created_at")
    return cases.annotate(
        postcode=Upper(Trim(Subquery(address.values("postcode")[:1]))),
        address_confidential=Subquery(address.values("confidential")[:1]),
    )


@measure(
    "cases.by_place",
    # Marked only for extraction (the measure keeps its English words): the map page translates them.
    gettext_noop("Cases by area"),
    note=gettext_noop(
        "Each case is placed by the postcode of the client's current address in every area of the kind "
        "asked that holds it; a confidential (safe) address is never placed. Where areas of a kind "
        "overlap, a case counts in each and the total counts placements. An area is hidden when it "
        "holds cases that too few others share its places with, so no two maps can be subtracted to "
        "find them."
    ),
)
def by_place(
    *, kind: str = Area.Kind.NEIGHBOURHOOD, program: Program | None = None, during: Period | None = None
) -> Rows:
    """Cases by the areas of one kind, counted from *atoms* so that every kind's map is safe beside
    every other's.

    An atom is the cases whose postcodes lie in exactly the same areas (of every kind), or the cases
    at a confidential address. Any number two maps give by subtraction (a county less its
    neighbourhoods, a district less the neighbourhoods it overlaps) is a sum of whole atoms, so the
    only counts to protect are the atoms themselves: an atom of 1 to 10 cases is kept out of every
    shown cell, and if those atoms together hold fewer than 11 cases the smallest other atoms join
    them, so what can be worked out from the total is never small. A cell holding any kept-out atom
    is hidden; every cell shown is a sum of atoms of 11 or more (or 0).
    """
    cases = _placed_cases(program, during)
    row = SqlCase(When(address_confidential=True, then=Value(ADDRESS_CONFIDENTIAL)), default=F("postcode"))
    per_postcode = dict(cases.annotate(row=row).order_by().values_list("row").annotate(n=Count("pk")))
    confidential = per_postcode.pop(ADDRESS_CONFIDENTIAL, 0)
    atoms = _atoms(per_postcode, confidential, cases.values("postcode"))
    return _by_area_from_atoms(atoms, kind)


def _by_area_from_atoms(atoms: dict[frozenset[int] | None, int], kind: str) -> RowsHiding:
    """The rows of one kind's map from the atoms (see `by_place`): three queries in all with theirs."""
    confidential = atoms.get(None, 0)
    kept_out = _kept_out(atoms)
    areas = Area.objects.filter(kind=kind).order_by("name", "code").values_list("pk", "name", "code")
    rows, hide = [], set()
    for pk, name, code in areas:
        label = row_label(name, code)
        rows.append((label, sum(n for atom, n in atoms.items() if atom is not None and pk in atom)))
        if any(atom is not None and pk in atom for atom in kept_out):
            hide.add(label)
    rows.sort(key=lambda found: -found[1])
    of_kind = {pk for pk, _, _ in areas}
    unplaced = [atom for atom in atoms if atom is not None and not atom & of_kind]
    if None in kept_out:
        hide.add(ADDRESS_CONFIDENTIAL)
    if any(atom in kept_out for atom in unplaced):
        hide.add(NOT_PLACED)
    rows += [(ADDRESS_CONFIDENTIAL, confidential), (NOT_PLACED, sum(atoms[atom] for atom in unplaced))]
    return RowsHiding(rows, hide)


def _atoms(
    per_postcode: dict[str, int], confidential: int, postcodes: QuerySet
) -> dict[frozenset[int] | None, int]:
    """Counts per atom: the postcodes lying in the same areas (of every kind) make one atom; None is
    the confidential addresses. One query, for the areas holding `postcodes` (a subquery)."""
    holders: dict[str, set[int]] = {}
    held = AreaPostcode.objects.filter(postcode__in=postcodes).values_list("postcode", "area_id")
    for postcode, area_id in held:
        holders.setdefault(postcode, set()).add(area_id)
    atoms: dict[frozenset[int] | None, int] = {None: confidential}  # None: the confidential addresses
    for postcode, n in per_postcode.items():
        atom = frozenset(holders.get(postcode, ()))
        atoms[atom] = atoms.get(atom, 0) + n
    return atoms


def _kept_out(atoms: dict[Any, int]) -> set:
    """The atoms no shown cell may hold: the small ones, and, while they hold fewer than the
    threshold together, the smallest others (so the total less the shown cells is never small)."""
    kept = {atom for atom, n in atoms.items() if is_small(n)}
    others = sorted((n, sorted(atom or ()), atom) for atom, n in atoms.items() if n and atom not in kept)
    while is_small(sum(atoms[atom] for atom in kept)) and others:
        kept.add(others.pop(0)[2])
    return kept


# Housing needs per period, for indicators (the program-evaluation app asks for them by name).
# Only cases outside the sensitive segments: a need there is never broken out by its kind.
MET_WITHIN_DAYS = 90


def _housing_needs(periods: Periods, program: Program | None) -> QuerySet[CaseNeed]:
    needs = CaseNeed.objects.filter(
        periods.within("identified_on"), need__domain=Domain.HOUSING, case__segment=""
    )
    return needs if program is None else needs.filter(case__program=program)


BY_AREA = (("area", "Area (postcode)"), ("program", "Program"))


def _per_period(needs: QuerySet[CaseNeed], periods: Periods, by: str) -> PeriodRows:
    """Needs by the period they were identified in and, if asked, by the postcode of the client's
    current address (a confidential address in one row, never placed)."""
    needs = needs.annotate(period=periods.truncate("identified_on")).order_by()
    if not by:
        return [(start, "", n) for start, n in needs.values_list("period").annotate(n=Count("pk"))]
    if by == "program":
        found = needs.values_list("period", "case__program__name").annotate(n=Count("pk"))
        return [(start, name or NO_PROGRAM, n) for start, name, n in found]
    address = Address.objects.filter(person=OuterRef("case__person_id"), is_current=True).order_by(
        "-created_at"
    )
    row = SqlCase(
        When(address_confidential=True, then=Value(ADDRESS_CONFIDENTIAL)),
        When(Q(postcode__isnull=True) | Q(postcode=""), then=Value(NO_ADDRESS)),
        default=F("postcode"),
    )
    found = (
        needs.annotate(
            postcode=Subquery(address.values("postcode")[:1]),
            address_confidential=Subquery(address.values("confidential")[:1]),
        )
        .annotate(row=row)
        .values_list("period", "row")
        .annotate(n=Count("pk"))
    )
    return list(found)


@period_measure(
    "cases.housing_needs_identified",
    gettext_noop("Housing needs identified"),
    unit=gettext_noop("housing need identified on a case"),
    breakdowns=BY_AREA,
    note=gettext_noop(
        "Needs of the housing domain identified in the period, on cases outside the sensitive segments."
    ),
)
def housing_needs_identified(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _per_period(_housing_needs(periods, program), periods, by)


@period_measure(
    "cases.housing_needs_met_within_90_days",
    gettext_noop("Housing needs met within 90 days"),
    unit=gettext_noop("housing need marked met within 90 days of being identified"),
    breakdowns=BY_AREA,
    note=gettext_noop(
        "Counted in the period the need was identified; a need identified less than 90 days ago "
        "may still be met in time, so the latest periods can rise."
    ),
    within="cases.housing_needs_identified",
)
def housing_needs_met_within_90_days(
    *, periods: Periods, by: str = "", program: Program | None = None
) -> PeriodRows:
    met_in_time = CaseNeedChange.objects.filter(
        case_need=OuterRef("pk"),
        status=CaseNeed.Status.MET,
        changed_at__date__lte=ExpressionWrapper(
            F("case_need__identified_on") + timedelta(days=MET_WITHIN_DAYS), output_field=DateField()
        ),
    )
    return _per_period(_housing_needs(periods, program).filter(Exists(met_in_time)), periods, by)


def _during(period: Period) -> Q:
    """Open at some point in the period: opened before its end, not closed before its start."""
    start, end = period
    condition = Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    if end is not None:
        condition &= Q(opened_on__lt=end)
    return condition


class CasesServed:
    """The people a program serves through its cases (any status), for program reach."""

    def people(
        self, program: Program, *, general_only: bool = False, during: Period | None = None
    ) -> QuerySet:
        cases = Case.objects.filter(program=program)
        if general_only:
            cases = cases.filter(segment="")
        if during is not None:
            cases = cases.filter(_during(during))
        return cases.values("person_id")

    def _general_needs(self, program: Program) -> QuerySet[CaseNeed]:
        return CaseNeed.objects.filter(case__program=program, case__segment="")

    def need_people(self, program: Program) -> QuerySet:
        return (
            self._general_needs(program)
            .annotate(need_ref=F("need_id"), person_ref=F("case__person_id"))
            .values_list("need_ref", "person_ref")
        )


SERVED = CasesServed()


# One need or barrier across the levels (tapestry/thread/rollups): its open cases by area, the open
# cases by barrier for the index, and the needs or barriers recorded per period for its trend.


def _subject_row(subject: str) -> SqlCase:
    """A case need's row in a table by need or barrier: its label, or one confidential row for a case
    in a sensitive segment (never broken down)."""
    return SqlCase(When(case__segment="", then=F(f"{subject}__label")), default=Value(CONFIDENTIAL))


def _by_subject(subject: str, program: Program | None, open_only: bool) -> Rows:
    needs = CaseNeed.objects.all() if program is None else CaseNeed.objects.filter(case__program=program)
    if subject == "barrier":
        needs = needs.filter(barrier__isnull=False)
    if open_only:
        needs = needs.exclude(case__status=Case.Status.CLOSED)
    found = list(
        needs.annotate(row=_subject_row(subject))
        .order_by()
        .values_list("row")
        .annotate(n=Count("case", distinct=True))
        .order_by("-n", "row")
    )
    rows = [(label, n) for label, n in found if label != CONFIDENTIAL]
    return [*rows, (CONFIDENTIAL, sum(n for label, n in found if label == CONFIDENTIAL))]


@measure(
    "cases.by_barrier",
    gettext_noop("Cases by barrier"),
    note=gettext_noop(
        "Cases with a need that a barrier stood in the way of; a case with several barriers counts once "
        "under each, so the total counts barriers, not cases."
    ),
)
def by_barrier(*, program: Program | None = None, open_only: bool = False) -> Rows:
    return _by_subject("barrier", program, open_only)


class RowsWithheld(RowsHiding):
    """Rows answered with every non-zero cell and the total hidden: that total is hidden elsewhere."""

    withhold_total = True

    def __init__(self, rows: Iterable[tuple[str, int]]) -> None:
        rows = list(rows)
        super().__init__(rows, [label for label, n in rows if n])


class WithholdingMeasure(Measure):
    """A measure whose rows may withhold their total as well as their cells (`RowsWithheld`)."""

    def __call__(self, **params: Any) -> Table:
        rows = self.count(**params)
        cells, total = suppress_table(list(rows), hide=getattr(rows, "hide", ()))
        if getattr(rows, "withhold_total", False):
            total = Cell(total.label, None if any(n for _, n in rows) else 0)
        return Table(self.title, cells, total, self.note)


def _hidden_in(rows: Iterable[tuple[str, int]]) -> set[str]:
    """The labels `suppress_table` hides in a table of these rows (as `by_need` is answered)."""
    cells, total = suppress_table(list(rows))
    return {cell.label for cell in cells if cell.suppressed}


def _subject(need: Any, barrier: Any) -> tuple[str, Any]:
    if (need is None) == (barrier is None):
        raise ValueError("Ask for one need or one barrier.")
    return ("need", need) if need is not None else ("barrier", barrier)


def _open_with(*, need: Any = None, barrier: Any = None, kind: str = Area.Kind.NEIGHBOURHOOD) -> Rows:
    """Open cases with one need (or barrier) by the areas of one kind, withheld whole where its count
    is hidden in `cases.by_need` (`cases.by_barrier`), open only, for the agency or any program.

    One grouped query reads every open case need by program and row (need or barrier label, one
    confidential row for the sensitive segments), and the asked one's cases also by postcode: from it
    come the tables `by_need(open_only=True)` answers, agency-wide and per program. If the asked
    label is hidden in any of them, its total here would give it back (or, beside the other needs
    shown there, give back a small one), so every cell and the total are withheld. Otherwise the map
    is counted from atoms as `by_place` does.
    """
    subject, chosen = _subject(need, barrier)
    needs = CaseNeed.objects.exclude(case__status=Case.Status.CLOSED)
    if subject == "barrier":
        needs = needs.filter(barrier__isnull=False)
    address = Address.objects.filter(person=OuterRef("case__person_id"), is_current=True).order_by(
        "-created_at"
    )
    is_chosen = Q(case__segment="", **{subject: chosen})
    found = (
        needs.annotate(
            row=_subject_row(subject),
            place=SqlCase(
                When(is_chosen, then=Upper(Trim(Subquery(address.values("postcode")[:1])))), default=Value("")
            ),
            safe=SqlCase(
                When(is_chosen, then=Subquery(address.values("confidential")[:1])),
                default=Value(False),
                output_field=BooleanField(),
            ),
            chosen=SqlCase(When(is_chosen, then=Value(1)), default=Value(0)),
        )
        .order_by()
        .values_list("case__program_id", "row", "chosen", "place", "safe")
        .annotate(n=Count("case", distinct=True))
    )
    tables: dict[Any, dict[str, int]] = {}
    per_postcode: dict[str | None, int] = {}
    confidential, label = 0, None
    for program_id, row, is_it, place, safe, n in found:
        for key in (None, program_id) if program_id is not None else (None,):
            table = tables.setdefault(key, {})
            table[row] = table.get(row, 0) + n
        if is_it:
            label = row
            if safe:
                confidential += n
            else:
                per_postcode[place or None] = per_postcode.get(place or None, 0) + n
    withheld = label is not None and any(
        label
        in _hidden_in(
            [
                *((k, v) for k, v in table.items() if k != CONFIDENTIAL),
                (CONFIDENTIAL, table.get(CONFIDENTIAL, 0)),
            ]
        )
        for table in tables.values()
    )
    rows = _by_area_from_atoms(_atoms(per_postcode, confidential, [p for p in per_postcode if p]), kind)
    return RowsWithheld(rows) if withheld else rows


open_with = WithholdingMeasure(
    name="cases.open_with_by_place",
    title=gettext_noop("Open cases by area"),
    count=_open_with,
    note=gettext_noop(
        "Open or on-hold cases with the need (or barrier), outside the sensitive segments, placed by the "
        "client's current postcode in every area of the kind asked; a confidential address is never "
        "placed. Where the need's count is hidden in the agency's table of cases by need (or any "
        "program's), it is hidden here too, with its whole map."
    ),
)


def _identified(needs: QuerySet[CaseNeed], periods: Periods, by: str, subject: str) -> PeriodRows:
    needs = needs.filter(periods.within("identified_on"), case__segment="").annotate(
        period=periods.truncate("identified_on")
    )
    needs = needs.order_by()
    if not by:
        return [(start, "", n) for start, n in needs.values_list("period").annotate(n=Count("pk"))]
    column = "case__program__name" if by == "program" else f"{subject}__label"
    found = needs.values_list("period", column).annotate(n=Count("pk"))
    return [(start, name or NO_PROGRAM, n) for start, name, n in found]


@period_measure(
    "cases.needs_identified_in_domain",
    gettext_noop("Needs identified"),
    unit=gettext_noop("need identified on a case"),
    breakdowns=(("need", "Need"), ("program", "Program")),
    note=gettext_noop(
        "Needs of one domain identified in the period, on cases outside the sensitive segments. For the "
        "housing domain the total is the same count as housing needs identified."
    ),
)
def needs_identified_in_domain(*, periods: Periods, by: str = "", domain: str) -> PeriodRows:
    return _identified(CaseNeed.objects.filter(need__domain=domain), periods, by, "need")


@period_measure(
    "cases.barriers_recorded",
    gettext_noop("Needs with a barrier"),
    unit=gettext_noop("need, identified in the period, that a barrier stands in the way of"),
    breakdowns=(("barrier", "Barrier"), ("program", "Program")),
    note=gettext_noop(
        "Needs identified in the period on cases outside the sensitive segments, by the barrier "
        "recorded on them now."
    ),
)
def barriers_recorded(*, periods: Periods, by: str = "") -> PeriodRows:
    return _identified(CaseNeed.objects.filter(barrier__isnull=False), periods, by, "barrier")
