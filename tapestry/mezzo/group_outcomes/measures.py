"""The measures group outcomes offer (the contract: tapestry/evidence/measures.py).

For indicators: how the PHQ-9 scores of support-group members moved from the start (pre) to the
end (post) of their group, per period of the post measure, as two measures read together: the
total change and the number of members it is over, so that the mean is shown only when it rests
on enough people. Groups in a sensitive segment count like any other: a change in mood says
nothing of why the group met.
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Sum
from django.utils.translation import gettext_noop

from tapestry.evidence.measures import Kind, PeriodRows, Periods, Program, period_measure
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.mezzo.groups.models import Group

INSTRUMENT = "phq-9"
NO_PROGRAM = "No program"
BY_PROGRAM = (("program", "Program"),)


def _changes(periods: Periods, program: Program | None, by: str) -> QuerySet[MemberMeasure]:
    """Support-group members' post PHQ-9 in the periods, with `change` (post minus pre) where a pre exists."""
    pre = MemberMeasure.objects.filter(
        membership=OuterRef("membership"), instrument=INSTRUMENT, phase=MemberMeasure.Phase.PRE
    )
    posts = MemberMeasure.objects.filter(
        periods.within("administered_on"),
        instrument=INSTRUMENT,
        phase=MemberMeasure.Phase.POST,
        membership__group__kind=Group.Kind.SUPPORT,
    )
    if program is not None:
        posts = posts.filter(membership__group__program=program)
    return (
        posts.annotate(pre=Subquery(pre.values("total_score")[:1]))
        .filter(pre__isnull=False)
        .annotate(change=F("total_score") - F("pre"), period=periods.truncate("administered_on"))
        .order_by()
        .values_list("period", *(["membership__group__program__name"] if by else []))
    )


def _rows(found: QuerySet, by: str) -> PeriodRows:
    if not by:
        return [(start, "", value) for start, value in found]
    return [(start, name or NO_PROGRAM, value) for start, name, value in found]


@period_measure(
    "group_outcomes.phq9_members_measured",
    gettext_noop("Support-group members with a PHQ-9 before and after"),
    unit=gettext_noop("support-group membership with a PHQ-9 at the start and at the end"),
    breakdowns=BY_PROGRAM,
    note=gettext_noop(
        "Counted in the period of the end (post) measure; a member of two groups counts in each."
    ),
)
def phq9_members_measured(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _rows(_changes(periods, program, by).annotate(n=Count("pk")), by)


@period_measure(
    "group_outcomes.phq9_change_total",
    gettext_noop("Total PHQ-9 change of support-group members"),
    unit=gettext_noop("point of PHQ-9 change (end minus start; below zero is better)"),
    kind=Kind.SUM,
    over="group_outcomes.phq9_members_measured",
    breakdowns=BY_PROGRAM,
    note=gettext_noop(
        "The sum of each member's end score minus start score; divided by the members measured it "
        "is the mean change, shown only when enough members were measured."
    ),
)
def phq9_change_total(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _rows(_changes(periods, program, by).annotate(total=Sum("change")), by)
