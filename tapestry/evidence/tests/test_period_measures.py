"""Period measures and rates: one query over all periods, and a numerator paired with its denominator
suppressed so that no small count can be read off or worked out (docs/suppression.md)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError

from tapestry.evidence.measures import (
    Kind,
    Periods,
    ask_rates,
    parse_period,
    period_label,
    period_measure,
    period_named,
    period_registry,
    rates,
    suppress_rates,
)

Q1, Q2, Q3 = date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)


def fixed(name: str, rows: list[tuple[date, str, float]], **options: object):
    return period_measure(name, name, unit="thing", **options)(lambda *, periods, by="", **params: rows)


def test_periods_run_from_the_first_to_the_last_and_are_written_plainly():
    quarters = Periods("quarter", date(2025, 11, 20), date(2026, 5, 2))

    assert quarters.starts == [date(2025, 10, 1), Q1, Q2]
    assert quarters.end == Q3
    assert [quarters.label(start) for start in quarters.starts] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert Periods("month", date(2025, 12, 9), date(2026, 1, 1)).starts == [date(2025, 12, 1), Q1]
    assert period_label("year", Q2) == "2026"


def test_periods_are_read_back_from_their_labels_and_bad_ones_say_what_to_write():
    assert parse_period("quarter", "2026-Q2") == Q2
    assert parse_period("month", "2026-03") == date(2026, 3, 1)
    assert parse_period("year", "2026") == Q1
    with pytest.raises(ValueError, match="YYYY-Qn"):
        parse_period("quarter", "2026-05")
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_period("month", "2026-13")
    with pytest.raises(ValueError, match="before"):
        Periods("month", Q2, Q1)
    with pytest.raises(ValueError, match="at most"):
        Periods("month", date(2000, 1, 1), Q1)


def test_a_count_alone_is_suppressed_like_a_table():
    total, rows = suppress_rates({"": 12}, None, factor=1)
    assert (total.value, total.numerator, total.hidden) == (12, 12, "")

    total, _ = suppress_rates({"": 4}, None, factor=1)
    assert total.value is None and total.numerator is None and "fewer than 11" in total.hidden

    total, _ = suppress_rates({"": 0}, None, factor=1)
    assert total.value == 0 and not total.suppressed


def test_a_rate_is_shown_when_numerator_denominator_and_the_rest_are_all_large():
    total, _ = suppress_rates({"": 30}, {"": 60}, factor=100)

    assert (total.numerator, total.denominator, total.value, total.suppressed) == (30, 60, 50.0, False)


@pytest.mark.parametrize(
    ("numerator", "denominator", "why"),
    [
        (5, 40, "in the numerator"),  # a small numerator
        (8, 9, "in the denominator"),  # a small denominator
        (35, 40, "in the denominator but not the numerator"),  # 5 not met: small by subtraction
    ],
)
def test_a_rate_resting_on_a_small_count_is_suppressed(numerator, denominator, why):
    total, _ = suppress_rates({"": numerator}, {"": denominator}, factor=100)

    assert total.value is None and total.suppressed and why in total.hidden
    # The numerator is never shown beside its denominator when the rest is small.
    assert total.numerator is None or total.denominator is None


def test_all_met_is_shown_since_the_rest_is_zero():
    total, _ = suppress_rates({"": 20}, {"": 20}, factor=100)

    assert total.value == 100.0 and total.numerator == 20


def test_a_mean_is_shown_only_over_enough_people_and_its_total_may_be_below_zero():
    shown, _ = suppress_rates({"": -36}, {"": 12}, factor=1, kind=Kind.SUM)
    hidden, _ = suppress_rates({"": -9}, {"": 3}, factor=1, kind=Kind.SUM)

    assert (shown.numerator, shown.denominator, shown.value) == (-36, 12, -3.0)
    assert hidden.value is None and hidden.numerator is None and hidden.denominator is None


def test_a_breakdown_hides_a_second_row_so_the_hidden_one_cannot_be_worked_out():
    numerators = {"Housing": 20, "Food": 3, "Legal": 15}
    denominators = {"Housing": 40, "Food": 20, "Legal": 30}

    total, rows = suppress_rates(numerators, denominators, factor=100)
    by = {row.row: row for row in rows}

    assert by["Food"].numerator is None and by["Food"].value is None
    # Legal (15) is the next smallest numerator: hidden too, so Food's 3 is not total - 20 - 15.
    assert by["Legal"].numerator is None and by["Legal"].value is None
    assert by["Housing"].value == 50.0
    assert (total.numerator, total.denominator, total.value) == (38, 90, 42.2)
    # What is left to work out, 3 + 15 = 18, is not small; denominators stay shown.
    assert [row.denominator for row in rows] == [40, 20, 30]


def test_a_lone_hidden_rest_hides_the_total_when_nothing_else_could_be_hidden():
    # Food's rest (20 - 15 = 5) is small; the other row has no numerator to hide beside it.
    total, rows = suppress_rates({"Food": 15, "Legal": 0}, {"Food": 20, "Legal": 30}, factor=100)

    assert rows[0].numerator is None and rows[0].value is None
    assert total.numerator is None and total.value is None
    assert rows[1].value == 0.0


def test_hidden_rests_that_are_small_together_hide_the_total():
    numerators = {"a": 15, "b": 15, "c": 30}
    denominators = {"a": 19, "b": 18, "c": 60}  # rests 4 and 3: hidden, and 7 together

    total, rows = suppress_rates(numerators, denominators, factor=100)

    assert [row.numerator for row in rows] == [None, None, 30]
    assert total.numerator is None and total.value is None and total.denominator == 97


def test_a_hidden_total_is_never_the_sum_of_the_cells_shown():
    # Row a: none of 5 met (5 hidden); row b: all 20 met. The rest of the total (25 - 20 = 5) is
    # small, so the numerator total is hidden, and b's 20 with it: shown, 0 + 20 would give it back.
    total, rows = suppress_rates({"a": 0, "b": 20}, {"a": 5, "b": 20}, factor=100)

    assert total.numerator is None and total.value is None
    assert [(row.numerator, row.denominator) for row in rows] == [(0, None), (None, None)]


def test_rates_run_one_query_per_measure_over_every_period(django_assert_num_queries, db):
    calls = []

    def counted(rows):
        def run(*, periods, by="", **params):
            calls.append(periods.starts)
            return rows

        return run

    top = period_measure("tests.top", "Top", unit="thing")(counted([(Q1, "", 12), (Q2, "", 3)]))
    bottom = period_measure("tests.bottom", "Bottom", unit="thing")(counted([(Q1, "", 24), (Q2, "", 30)]))

    found = rates(top, bottom, periods=Periods("quarter", Q1, Q3), factor=100)

    assert len(calls) == 2 and calls[0] == [Q1, Q2, Q3]
    assert [(period.label, period.total.value) for period in found] == [
        ("2026-Q1", 50.0),
        ("2026-Q2", None),
        ("2026-Q3", None),
    ]
    assert found[1].total.suppressed and not found[2].total.suppressed  # Q3: nothing to divide by


def test_a_total_is_divided_only_by_the_count_it_is_over():
    people = fixed("tests.people", [(Q1, "", 12)])
    change = fixed("tests.change", [(Q1, "", -24)], kind=Kind.SUM, over="tests.people")
    other = fixed("tests.other", [(Q1, "", 40)])
    periods = Periods("quarter", Q1, Q1)

    assert rates(change, people, periods=periods)[0].total.value == -2.0
    with pytest.raises(ValidationError, match="divide it by tests.people"):
        rates(change, other, periods=periods)
    with pytest.raises(ValidationError, match="not a count"):
        rates(people, change, periods=periods)
    with pytest.raises(ImproperlyConfigured):
        period_measure("tests.bad", "Bad", unit="x", kind=Kind.SUM)


def test_a_breakdown_must_be_offered():
    with pytest.raises(ValueError, match="cannot be broken down"):
        rates(fixed("tests.plain", []), periods=Periods("year", Q1, Q1), by="program")


def test_the_apps_period_measures_are_collected_and_asked_by_role(cast):
    assert {
        "cases.housing_needs_identified",
        "cases.housing_needs_met_within_90_days",
        "referrals.sent",
        "referrals.sent_completed",
        "group_outcomes.phq9_members_measured",
        "group_outcomes.phq9_change_total",
        "group_sessions.places_expected",
        "group_sessions.places_attended",
    } <= set(period_registry())
    assert period_named("referrals.sent").breakdown_title("service_type") == "Service type"
    periods = Periods("year", Q1, Q1)
    found = ask_rates(
        cast["evaluator"], "referrals.sent_completed", "referrals.sent", periods=periods, factor=100
    )
    assert found[0].total.value is None and not found[0].total.suppressed
    with pytest.raises(PermissionDenied):
        ask_rates(cast.caseworker, "referrals.sent", periods=periods)
