"""The measures assessments offer (the contract: tapestry/evidence/measures.py).

Score changes: for each instrument, how many people scored better, the same or worse at their
latest assessment than at their first, in one grouped SQL query answered suppressed. Only scores
worth a line over time count (a severity total, not a risk level or a count of needs), and on every
one of them a lower total is better. Assessments on a case in a sensitive segment count in one
"confidential services" row, never broken down by instrument.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case as SqlCase
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, gettext_noop

from tapestry.evidence.measures import (
    CONFIDENTIAL,
    Kind,
    Period,
    PeriodRows,
    Periods,
    Program,
    Rows,
    measure,
    period_measure,
)
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.cases.models import CaseNeed

CHANGES = (
    ("better", gettext_noop("improved")),
    ("same", gettext_noop("no change")),
    ("worse", gettext_noop("worsened")),
)
CHARTED = [code for code, instrument in INSTRUMENTS.items() if instrument.charted]


def _given(program: Program | None, during: Period | None) -> QuerySet[Assessment]:
    """Final assessments of a charted instrument or a custom form, with `form` set for either."""
    given = Assessment.objects.filter(
        Q(instrument__in=CHARTED) | Q(custom_form__isnull=False), status=Assessment.Status.FINAL
    ).annotate(form=Coalesce("custom_form", 0))
    if program is not None:
        given = given.filter(case__program=program)
    if during is not None:
        start, end = during
        given = given.filter(administered_on__gte=start)
        if end is not None:
            given = given.filter(administered_on__lt=end)
    return given


@measure(
    "assessments.score_changes",
    gettext_noop("Assessment score changes"),
    note=gettext_noop(
        "A person counts once per instrument, from their first to their latest score in the period; "
        "one assessment alone shows no change and is not counted."
    ),
)
def score_changes(*, program: Program | None = None, during: Period | None = None) -> Rows:
    given = _given(program, during)
    # The same person's scores on the same instrument (a custom form by its id, else by its code).
    series = given.filter(
        case__person=OuterRef("case__person"), instrument=OuterRef("instrument"), form=OuterRef("form")
    )
    on, pk = OuterRef("administered_on"), OuterRef("pk")
    later = series.filter(Q(administered_on__gt=on) | Q(administered_on=on, pk__gt=pk))
    earlier = series.filter(Q(administered_on__lt=on) | Q(administered_on=on, pk__lt=pk))
    first = Subquery(earlier.order_by("administered_on", "pk").values("total_score")[:1])
    change = SqlCase(
        When(total_score__lt=F("first"), then=Value("better")),
        When(total_score=F("first"), then=Value("same")),
        default=Value("worse"),
    )
    series_label = SqlCase(
        When(~Q(case__segment=""), then=Value(CONFIDENTIAL)),
        When(custom_form__isnull=False, then=F("custom_form__name")),
        default=F("instrument"),
    )
    found = (
        given.annotate(first=first)
        .filter(~Exists(later), first__isnull=False)
        .annotate(series=series_label, change=change)
        .order_by()
        .values_list("series", "change")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[str, int]] = {}
    for label, key, n in found:
        counts.setdefault(label, {})[key] = n
    confidential = counts.pop(CONFIDENTIAL, {})
    named = sorted((_name(label), label) for label in counts)
    rows = [
        (f"{name}: {gettext(words)}", counts[label].get(key, 0))
        for name, label in named
        for key, words in CHANGES
    ]
    return [*rows, (CONFIDENTIAL, sum(confidential.values()))]


def _name(series: str) -> str:
    """An instrument's name from its code; a custom form's series is already its name."""
    instrument = INSTRUMENTS.get(series)
    return instrument.name if instrument else series


# One need or barrier across the levels (tapestry/thread/rollups): the score changes of the people
# whose cases carry it, as a mean (a total of changes over a count of people, see `rates`).
NO_PROGRAM = gettext_noop("No program")
BY_INSTRUMENT = (("instrument", gettext_noop("Instrument")), ("program", gettext_noop("Program")))


def _latest_for(periods: Periods, need: object, barrier: object) -> QuerySet[Assessment]:
    """Each person's latest final score per charted instrument in the periods, on cases outside the
    sensitive segments that carry the need (or barrier), with `first` their first score before it."""
    if (need is None) == (barrier is None):
        raise ValueError("Ask for one need or one barrier.")
    carries = CaseNeed.objects.filter(
        case=OuterRef("case"), **({"need": need} if need else {"barrier": barrier})
    )
    given = Assessment.objects.filter(
        Exists(carries),
        instrument__in=CHARTED,
        custom_form__isnull=True,
        status=Assessment.Status.FINAL,
        case__segment="",
        administered_on__lt=periods.end,
    )
    series = given.filter(case__person=OuterRef("case__person"), instrument=OuterRef("instrument"))
    on, pk = OuterRef("administered_on"), OuterRef("pk")
    later = series.filter(Q(administered_on__gt=on) | Q(administered_on=on, pk__gt=pk))
    earlier = series.filter(Q(administered_on__lt=on) | Q(administered_on=on, pk__lt=pk))
    first = Subquery(earlier.order_by("administered_on", "pk").values("total_score")[:1])
    return (
        given.filter(administered_on__gte=periods.first)
        .annotate(first=first)
        .filter(~Exists(later), first__isnull=False)
        .annotate(period=periods.truncate("administered_on"))
        .order_by()
    )


def _per_instrument(found: QuerySet, by: str, value: Any) -> PeriodRows:
    if not by:
        return [(start, "", n) for start, n in found.values_list("period").annotate(value=value)]
    column = "case__program__name" if by == "program" else "instrument"
    rows = found.values_list("period", column).annotate(value=value)
    if by == "program":
        return [(start, name or NO_PROGRAM, n) for start, name, n in rows]
    return [(start, _name(code), n) for start, code, n in rows]


@period_measure(
    "assessments.people_scored_for_need",
    gettext_noop("People with a score change"),
    unit=gettext_noop("person with a first and a latest score on an instrument"),
    breakdowns=BY_INSTRUMENT,
    note=gettext_noop(
        "People whose cases carry the need (or barrier), outside the sensitive segments, with at least "
        "two final scores on a charted instrument; counted in the period of their latest score."
    ),
)
def people_scored_for_need(
    *, periods: Periods, by: str = "", need: object = None, barrier: object = None
) -> PeriodRows:
    return _per_instrument(_latest_for(periods, need, barrier), by, Count("pk"))


@period_measure(
    "assessments.score_change_for_need",
    gettext_noop("Mean score change"),
    unit=gettext_noop("point of change from a person's first score to their latest"),
    kind=Kind.SUM,
    over="assessments.people_scored_for_need",
    breakdowns=BY_INSTRUMENT,
    note=gettext_noop(
        "The latest score less the first, summed over people and divided by how many they are: on "
        "every charted instrument a lower score is better, so a negative mean is an improvement."
    ),
)
def score_change_for_need(
    *, periods: Periods, by: str = "", need: object = None, barrier: object = None
) -> PeriodRows:
    return _per_instrument(_latest_for(periods, need, barrier), by, Sum(F("total_score") - F("first")))
