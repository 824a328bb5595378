"""PHQ-9 change of support-group members per period, for indicators: a total and the members it is over."""

from __future__ import annotations

from datetime import date

import pytest

from tapestry.evidence.measures import Periods, rates
from tapestry.mezzo.group_outcomes.measures import phq9_change_total, phq9_members_measured
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.mezzo.groups.models import Group
from tapestry.programs.tests.support import enrol, group_in, program_for
from tapestry.testing import PersonFactory

pytestmark = pytest.mark.django_db

QUARTERS = Periods("quarter", date(2026, 1, 1), date(2026, 6, 30))


def measured(cast, group: Group, pre: int | None, post: int, on: date, instrument: str = "phq-9") -> None:
    membership = enrol(group, PersonFactory())
    phases = (
        [("pre", pre, date(2025, 12, 1)), ("post", post, on)] if pre is not None else [("post", post, on)]
    )
    for phase, score, when in phases:
        MemberMeasure.objects.create(
            membership=membership,
            instrument=instrument,
            instrument_version="1",
            phase=phase,
            administered_on=when,
            total_score=score,
            recorded_by=cast["group_facilitator"],
        )


def raw(found) -> dict[str, float]:
    return {QUARTERS.label(start): value for start, _, value in found.rows(periods=QUARTERS, by="")}


def test_total_change_and_members_measured_by_the_quarter_of_the_post_measure(
    cast, django_assert_num_queries
):
    support = group_in(program_for())
    therapy = group_in(program_for(name="Therapy"), name="Anxiety group")
    Group.objects.filter(pk=therapy.pk).update(kind=Group.Kind.THERAPY)
    measured(cast, support, 18, 12, date(2026, 2, 1))  # -6
    measured(cast, support, 10, 11, date(2026, 3, 1))  # +1
    measured(cast, support, 20, 15, date(2026, 5, 1))  # -5
    measured(cast, support, None, 9, date(2026, 2, 1))  # no start score: no change to count
    measured(cast, support, 12, 6, date(2026, 2, 1), instrument="gad-7")  # another instrument
    measured(cast, therapy, 20, 5, date(2026, 2, 1))  # not a support group

    with django_assert_num_queries(1):
        assert raw(phq9_change_total) == {"2026-Q1": -5, "2026-Q2": -5}
    with django_assert_num_queries(1):
        assert raw(phq9_members_measured) == {"2026-Q1": 2, "2026-Q2": 1}


def test_the_mean_change_is_shown_only_over_enough_members(cast):
    support = group_in(program_for())
    for n in range(12):
        measured(cast, support, 15, 15 - (n % 4), date(2026, 2, 1))  # changes 0, -1, -2, -3 three times
    for _ in range(4):
        measured(cast, support, 15, 10, date(2026, 5, 1))

    for _ in range(11):  # hidden beside Q2's 4, or the year less Q1 and Q3 would give their mean
        measured(cast, support, 15, 14, date(2026, 8, 1))

    q1, q2 = rates(phq9_change_total, phq9_members_measured, periods=QUARTERS, factor=1)

    assert (q1.total.numerator, q1.total.denominator, q1.total.value) == (-18, 12, -1.5)
    assert q2.total.value is None and q2.total.numerator is None and q2.total.suppressed
