"""Reads of one need or barrier across the levels: every figure asked by name from the level that owns
it (`ask`, `ask_rates`), so nothing here holds a count that has not been suppressed.

`need_figures` is the reusable entry: plain data (a figure's title, measure, period, rows and the
suppression applied) that the page, the API and a later export (an evidence pack's PDF or CSV) share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.directory.models import Service
from tapestry.evidence.measures import (
    CONFIDENTIAL,
    Periods,
    PeriodType,
    Table,
    ask,
    ask_rates,
    period_named,
    period_start,
)
from tapestry.evidence.suppression import threshold
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.coalitions.models import Coalition
from tapestry.mezzo.groups.measures import GroupSpace, groups_for_need
from tapestry.micro.cases.measures import ADDRESS_CONFIDENTIAL, NO_ADDRESS, NOT_PLACED
from tapestry.micro.cases.measures import NO_PROGRAM as CASES_NO_PROGRAM
from tapestry.needs.models import Barrier, Need
from tapestry.places.models import Area
from tapestry.programs.measures import programs_for_need

PERIOD_KINDS = (PeriodType.QUARTER, PeriodType.MONTH)
DEFAULT_PERIODS = {PeriodType.QUARTER: 8, PeriodType.MONTH: 12}
MAX_PERIODS = 24
OPEN_BY_PLACE = "cases.open_with_by_place"
BY_NEED, BY_BARRIER = "cases.by_need", "cases.by_barrier"
IDENTIFIED = {"need": "cases.needs_identified_in_domain", "barrier": "cases.barriers_recorded"}
REFERRALS = "referrals.outcomes_for_need"
SCORE_CHANGE, PEOPLE_SCORED = "assessments.score_change_for_need", "assessments.people_scored_for_need"
SCORE_YEARS = 2


@dataclass(frozen=True)
class Row:
    """One shown number: `value` None where hidden, `hidden` saying why."""

    label: str
    value: float | None
    hidden: str = ""
    people: int | None = None  # for a mean: how many people it rests on (None where hidden)

    @property
    def suppressed(self) -> bool:
        return self.value is None and bool(self.hidden)

    def __str__(self) -> str:
        return f"<{threshold()}" if self.suppressed else ("—" if self.value is None else f"{self.value:g}")


@dataclass(frozen=True)
class Figure:
    """One figure as a page, an API or an export shows it."""

    key: str
    title: str
    measure: str
    period: str
    rows: tuple[Row, ...]
    total: Row | None
    note: str
    suppression: str


@dataclass(frozen=True)
class Subject:
    """A need or a barrier."""

    kind: str  # "need" or "barrier"
    pk: int
    label: str
    code: str
    domain: str = ""
    domain_label: str = ""
    description: str = ""
    icd10: str = ""


@dataclass(frozen=True)
class Addressed:
    """What addresses the need on the other levels: lists, never counts."""

    groups: list[GroupSpace] = field(default_factory=list)
    programs: list[tuple[int, str, str]] = field(default_factory=list)
    services: list[tuple[int, str, str]] = field(default_factory=list)
    campaigns: list[tuple[int, str, str]] = field(default_factory=list)
    coalitions: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class NeedFigures:
    subject: Subject
    periods: Periods
    area_kind: str
    figures: dict[str, Figure]
    addressed: Addressed


PRIMARY = gettext_noop("Counts from 1 to {below} are hidden (primary suppression).")
COMPLEMENTARY = gettext_noop(
    "Where a hidden count could be worked out from the total or the others shown, the next smallest "
    "is hidden too (complementary suppression)."
)
ATOMS = gettext_noop(
    "Areas are counted from groups of cases sharing all their places, so no two maps subtract to a "
    "small count; the need's total is hidden wherever the agency's table of cases by need hides it."
)
GRID = gettext_noop(
    "Months, quarters, years, programs and the rows of the breakdown are suppressed as one grid, so "
    "no period less others, here or on another page, gives a small count."
)
MEANS = gettext_noop("A mean is shown only where it rests on at least {n} people.")


def subject_get(kind: str, pk: int) -> Subject:
    """The need or barrier (404 when there is none)."""
    if kind == "need":
        need = Need.objects.filter(pk=pk).first()
        if need is None:
            raise Http404(gettext("No need with this number."))
        return Subject(
            "need",
            need.pk,
            need.label,
            need.code,
            need.domain,
            need.get_domain_display(),
            need.description,
            need.icd10,
        )
    barrier = Barrier.objects.filter(pk=pk).first()
    if barrier is None:
        raise Http404(gettext("No barrier with this number."))
    return Subject("barrier", barrier.pk, barrier.label, barrier.code, description=barrier.description)


def periods_ending(kind: str, count: int, today: date | None = None) -> Periods:
    """The last `count` periods of this kind, ending with the one holding today."""
    last = period_start(kind, today or timezone.localdate())
    first = last
    for _ in range(count - 1):
        first = _previous(kind, first)
    return Periods(kind, first, last)


def _previous(kind: str, start: date) -> date:
    step = 3 if kind == PeriodType.QUARTER else 1
    index = start.year * 12 + start.month - 1 - step
    return date(index // 12, index % 12 + 1, 1)


def _suppression(*parts: str) -> str:
    below = threshold() - 1
    return " ".join(gettext(part).format(below=below, n=threshold()) for part in (PRIMARY, *parts))


# Rows a measure names in its own fixed words (not data): shown in the active language.
FIXED_ROWS = frozenset({ADDRESS_CONFIDENTIAL, NOT_PLACED, NO_ADDRESS, CASES_NO_PROGRAM, CONFIDENTIAL})


def _row_label(label: str) -> str:
    return gettext(label) if label in FIXED_ROWS else label


def _table_figure(key: str, name: str, table: Table, period: str, *parts: str) -> Figure:
    rows = tuple(
        Row(_row_label(cell.label), cell.value, "hidden" if cell.suppressed else "")
        for cell in table.cells
        if cell.label != CONFIDENTIAL
    )
    total = Row(gettext("Total"), table.total.value, "hidden" if table.total.suppressed else "")
    return Figure(
        key, _shown(table.title), name, period, rows, total, _shown(table.note), _suppression(*parts)
    )


def _shown(text: str) -> str:
    """A measure's title or note as its app's catalog has it in the active language."""
    return gettext(text) if text else text


def _open_by_area(user: User, subject: Subject, area_kind: str) -> Figure:
    table = ask(user, OPEN_BY_PLACE, **{subject.kind: subject.pk}, kind=area_kind)
    title = gettext("Open cases by %(kind)s") % {"kind": str(Area.Kind(area_kind).label).lower()}
    figure = _table_figure("open_by_area", OPEN_BY_PLACE, table, gettext("Now"), COMPLEMENTARY, ATOMS)
    return Figure(**{**figure.__dict__, "title": title})


def _by_period(user: User, subject: Subject, periods: Periods) -> Figure:
    name = IDENTIFIED[subject.kind]
    params = {"domain": subject.domain} if subject.kind == "need" else {}
    found = ask_rates(user, name, periods=periods, by=subject.kind, **params)
    rows = []
    for period in found:
        mine = next((rate for rate in period.rows if rate.row == subject.label), None)
        rows.append(Row(period.label, 0, "") if mine is None else Row(period.label, mine.value, mine.hidden))
    measure = period_named(name)
    title = gettext("%(subject)s: new per %(period)s") % {
        "subject": subject.label,
        "period": str(periods.kind.label).lower(),
    }
    span = _span(periods)
    return Figure("by_period", title, name, span, tuple(rows), None, _shown(measure.note), _suppression(GRID))


def _span(periods: Periods) -> str:
    return gettext("%(first)s to %(last)s") % {
        "first": periods.label(periods.first),
        "last": periods.label(periods.last),
    }


def _referrals(user: User, subject: Subject) -> Figure:
    table = ask(user, REFERRALS, **{subject.kind: subject.pk})
    return _table_figure(
        "referrals", REFERRALS, table, gettext("All referrals, at their status now"), COMPLEMENTARY
    )


def _score_changes(user: User, subject: Subject, today: date) -> Figure:
    year = today.year
    periods = Periods(PeriodType.YEAR, date(year - SCORE_YEARS + 1, 1, 1), date(year, 1, 1))
    found = ask_rates(
        user, SCORE_CHANGE, PEOPLE_SCORED, periods=periods, by="instrument", **{subject.kind: subject.pk}
    )
    rows = []
    for period in found:
        for rate in period.rows:
            rows.append(Row(f"{period.label}: {rate.row}", rate.value, rate.hidden, rate.denominator))
    measure = period_named(SCORE_CHANGE)
    return Figure(
        "score_changes",
        gettext("Mean score change by instrument"),
        SCORE_CHANGE,
        _span(periods),
        tuple(rows),
        None,
        _shown(measure.note),
        _suppression(GRID, MEANS),
    )


def addressed(subject: Subject) -> Addressed:
    """Groups (with their space as a band), programs, directory services, campaigns and coalitions
    working on a need; a barrier has none of its own (they name needs)."""
    if subject.kind != "need":
        return Addressed()
    services = [
        (pk, name, organisation)
        for pk, name, organisation in Service.objects.filter(service_needs__need=subject.pk, status="active")
        .order_by("name", "pk")
        .values_list("pk", "name", "organization__name")
    ]
    campaigns = [
        (pk, title, str(Campaign.Status(status).label))
        for pk, title, status in Campaign.objects.filter(needs=subject.pk)
        .order_by("title", "pk")
        .values_list("pk", "title", "status")
    ]
    coalitions = list(
        Coalition.objects.filter(needs=subject.pk).order_by("name", "pk").values_list("pk", "name")
    )
    return Addressed(
        groups=groups_for_need(subject.pk),
        programs=programs_for_need(subject.pk),
        services=services,
        campaigns=campaigns,
        coalitions=coalitions,
    )


def need_figures(
    user: User,
    subject: Subject,
    *,
    periods: Periods | None = None,
    area_kind: str = Area.Kind.NEIGHBOURHOOD,
    today: date | None = None,
) -> NeedFigures:
    """Every figure of one need or barrier, for someone who may read aggregates (PermissionDenied
    otherwise): open cases by area, new per period (the trend), referral outcomes and mean score
    changes, each through its named measure, with what addresses it on the other levels."""
    require_capability(user, Capability.AGGREGATE_READ)
    today = today or timezone.localdate()
    periods = periods or periods_ending(PeriodType.QUARTER, DEFAULT_PERIODS[PeriodType.QUARTER], today)
    figures = [
        _open_by_area(user, subject, area_kind),
        _by_period(user, subject, periods),
        _referrals(user, subject),
        _score_changes(user, subject, today),
    ]
    return NeedFigures(subject, periods, area_kind, {f.key: f for f in figures}, addressed(subject))


@dataclass(frozen=True)
class IndexEntry:
    kind: str
    pk: int
    label: str
    group: str  # the need's domain, or "Barriers"
    open_cases: Row


def needs_index(user: User) -> tuple[list[IndexEntry], list[Figure]]:
    """Every active need and barrier with its open cases (as `cases.by_need` and `cases.by_barrier`
    answer them, suppressed), and the two tables they come from."""
    tables = {
        "need": ask(user, BY_NEED, open_only=True),
        "barrier": ask(user, BY_BARRIER, open_only=True),
    }
    figures = [
        _table_figure(kind, name, tables[kind], gettext("Now"), COMPLEMENTARY)
        for kind, name in (("need", BY_NEED), ("barrier", BY_BARRIER))
    ]
    shown = {kind: {cell.label: cell for cell in table.cells} for kind, table in tables.items()}

    def row(kind: str, label: str) -> Row:
        cell = shown[kind].get(label)
        if cell is None:
            return Row(gettext("Open cases"), 0)
        return Row(gettext("Open cases"), cell.value, "hidden" if cell.suppressed else "")

    entries = [
        IndexEntry(
            "need", pk, label, str(dict(Need._meta.get_field("domain").choices)[domain]), row("need", label)
        )
        for pk, label, domain in Need.objects.filter(is_active=True)
        .order_by("domain", "label")
        .values_list("pk", "label", "domain")
    ]
    entries += [
        IndexEntry("barrier", pk, label, gettext("Barriers"), row("barrier", label))
        for pk, label in Barrier.objects.filter(is_active=True).order_by("label").values_list("pk", "label")
    ]
    return entries, figures


def period_choices() -> list[tuple[str, str]]:
    return [(kind.value, kind.label) for kind in PERIOD_KINDS]
