"""One need's figures, through the named measures: counts by area and period, referrals, scores."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from tapestry.evidence.measures import PeriodType
from tapestry.micro.cases.models import Case
from tapestry.thread.rollups.selectors import need_figures, periods_ending, subject_get
from tapestry.thread.rollups.tests.support import need, places, plant, refer, score

pytestmark = pytest.mark.django_db


def _figures(user, kind="need", pk=None, **options):
    subject = subject_get(kind, pk or need().pk)
    return need_figures(user, subject, **options)


def test_open_cases_with_the_need_by_area(cast):
    places(("A", ("62701",)), ("B", ("62702",)), ("C", ("62703",)))
    plant(14, postcode="62701")
    plant(12, postcode="62702")
    plant(20, postcode="62703", status=Case.Status.CLOSED)  # closed: not open
    plant(15, postcode="62703", code="food-insecurity")  # another need

    figure = _figures(cast["evaluator"]).figures["open_by_area"]

    values = {row.label: row.value for row in figure.rows}
    assert values["Area A (A)"] == 14 and values["Area B (B)"] == 12 and values["Area C (C)"] == 0
    assert figure.total.value == 26
    assert figure.measure == "cases.open_with_by_place"


def test_the_trend_counts_new_needs_per_period(cast):
    periods = periods_ending(PeriodType.QUARTER, 4)
    first, last = periods.starts[0], periods.starts[-1]
    plant(12, identified_on=first)
    plant(13, identified_on=last)

    figure = _figures(cast["evaluator"], periods=periods).figures["by_period"]

    assert [row.value for row in figure.rows] == [12, 0, 0, 13]
    assert figure.measure == "cases.needs_identified_in_domain"


def test_referral_outcomes_and_score_changes(cast):
    cases = plant(40)
    refer(cases[:12], "completed")
    refer(cases[12:24], "declined")
    refer(cases[24:36], "no_response")
    score(cases[:15], 18, 8)

    figures = _figures(cast["evaluator"]).figures

    referrals = {row.label: row.value for row in figures["referrals"].rows}
    assert referrals == {
        "Housing: completed": 12,
        "Housing: declined": 12,
        "Housing: unanswered": 12,
        "Housing: still open": 0,
    }
    scores = [row for row in figures["score_changes"].rows if row.value is not None]
    assert [(row.value, row.people) for row in scores] == [(-10.0, 15)]


def test_only_aggregate_readers_may_ask(cast):
    with pytest.raises(PermissionDenied):
        _figures(cast["caseworker"])
