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


def table(
    numerators: dict[str, float], denominators: dict[str, int] | None = None, *, kind: str = Kind.COUNT
):
    """One quarter's figures by row, through `rates`, as (total, rows)."""
    names = ("tests.top", "tests.bottom")
    options = {"breakdowns": (("row", "Row"),)}
    over = {"kind": kind, "over": names[1]} if kind == Kind.SUM else {}
    if kind == Kind.COUNT and denominators is not None:
        over = {"within": names[1]}
    top = fixed(names[0], [(Q1, label, n) for label, n in numerators.items()], **options, **over)
    bottom = None
    if denominators is not None:
        bottom = fixed(names[1], [(Q1, label, d) for label, d in denominators.items()], **options)
    by = "" if list(numerators) == [""] else "row"
    found = rates(
        top,
        bottom,
        periods=Periods("quarter", Q1, Q1),
        factor=100 if bottom and kind == Kind.COUNT else 1,
        by=by,
    )
    return found[0].total, list(found[0].rows)


def test_a_count_alone_is_suppressed_like_a_table():
    total, rows = table({"": 12})
    assert (total.value, total.numerator, total.hidden) == (12, 12, "")

    total, _ = table({"": 5})
    assert total.value is None and total.numerator is None and "fewer than 11" in total.hidden

    total, _ = table({"": 0})
    assert total.value == 0 and not total.suppressed


def test_a_rate_is_shown_when_numerator_denominator_and_the_rest_are_all_large():
    total, _ = table({"": 30}, {"": 60})

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
    total, _ = table({"": numerator}, {"": denominator})

    assert total.value is None and total.suppressed and why in total.hidden
    # The numerator is never shown beside its denominator when the rest is small.
    assert total.numerator is None or total.denominator is None


def test_all_met_is_shown_since_the_rest_is_zero():
    total, _ = table({"": 20}, {"": 20})

    assert total.value == 100.0 and total.numerator == 20


def test_a_mean_is_shown_only_over_enough_people_and_its_total_may_be_below_zero():
    shown, _ = table({"": -36}, {"": 12}, kind=Kind.SUM)
    hidden, _ = table({"": -9}, {"": 3}, kind=Kind.SUM)

    assert (shown.numerator, shown.denominator, shown.value) == (-36, 12, -3.0)
    assert hidden.value is None and hidden.numerator is None and hidden.denominator is None


def test_a_breakdown_hides_a_second_row_so_the_hidden_one_cannot_be_worked_out():
    total, rows = table({"Housing": 20, "Food": 3, "Legal": 15}, {"Housing": 40, "Food": 20, "Legal": 30})
    by = {row.row: row for row in rows}

    assert by["Food"].numerator is None and by["Food"].value is None
    # Legal (15) is the next smallest numerator: hidden too, so Food's 3 is not total - 20 - 15.
    assert by["Legal"].numerator is None and by["Legal"].value is None
    assert by["Housing"].value == 50.0
    assert (total.numerator, total.denominator, total.value) == (38, 90, 42.2)


def test_a_lone_hidden_rest_hides_another_row_beside_it():
    # Food's rest (20 - 15 = 5) is small; Legal (none of 30 met) is hidden beside it, so the total
    # less Legal does not give Food's 5.
    total, rows = table({"Food": 15, "Legal": 0}, {"Food": 20, "Legal": 30})

    assert [row.value for row in rows] == [None, None]
    assert (total.numerator, total.denominator, total.value) == (15, 50, 30.0)


def test_hidden_rests_that_are_small_together_hide_one_more():
    numerators = {"a": 15, "b": 15, "c": 30}
    denominators = {"a": 19, "b": 18, "c": 60}  # rests 4 and 3: hidden, and 7 together

    total, rows = table(numerators, denominators)

    assert [row.numerator for row in rows] == [None, None, None]
    assert (total.numerator, total.denominator) == (60, 97)


def test_a_hidden_total_is_never_the_sum_of_the_cells_shown():
    # Row a: none of 5 met (5 hidden); row b: all 20 met. Nothing else could hide a's rest of 5, so
    # the total is hidden, and b's 20 with it: shown, it would give the total back.
    total, rows = table({"a": 0, "b": 20}, {"a": 5, "b": 20})

    assert total.numerator is None and total.value is None
    assert [(row.numerator, row.denominator) for row in rows] == [(None, None), (None, None)]


def test_rates_run_one_query_per_measure_over_every_period(django_assert_num_queries, db):
    calls = []

    def counted(rows):
        def run(*, periods, by="", **params):
            calls.append(periods.starts)
            return rows

        return run

    top = period_measure("tests.top", "Top", unit="thing", within="tests.bottom")(
        counted([(Q1, "", 12), (Q2, "", 3)])
    )
    bottom = period_measure("tests.bottom", "Bottom", unit="thing")(counted([(Q1, "", 24), (Q2, "", 30)]))

    found = rates(top, bottom, periods=Periods("quarter", Q1, Q3), factor=100)

    # Read once per measure, by month over the whole year, so that every quarter and the year are
    # suppressed together whichever is asked.
    assert len(calls) == 2 and calls[0] == [date(2026, month, 1) for month in range(1, 13)]
    # Q2's 3 is small; Q1 is hidden beside it, since the year (15 of 54) less Q1 would give it.
    assert [(period.label, period.total.value) for period in found] == [
        ("2026-Q1", None),
        ("2026-Q2", None),
        ("2026-Q3", None),
    ]
    assert "worked out" in found[0].total.hidden and "fewer than 11" in found[1].total.hidden
    assert not found[2].total.suppressed  # Q3: nothing to divide by
    assert rates(top, bottom, periods=Periods("year", Q1, Q1), factor=100)[0].total.value == 27.8


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
    # A count over another count must count a part of it, or its rest could not be protected.
    with pytest.raises(ValidationError, match="does not count a part of tests.people"):
        rates(other, people, periods=periods)
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


def by_program(name: str, rows: list[tuple[date, str, float]], **options: object):
    """A fixed measure offering the program breakdown every real period measure offers."""

    def run(*, periods, by="", program=None, **params):
        if program is not None:
            raise AssertionError("a program's figures are read from the grid, not asked alone")
        return [(start, label if by else "", n) for start, label, n in rows]

    return period_measure(name, name, unit="thing", breakdowns=(("program", "Program"),), **options)(run)


def shown(found) -> dict[str, float]:
    return {period.label: period.total.numerator for period in found if period.total.numerator is not None}


def test_a_year_less_its_shown_quarters_never_gives_a_small_quarter():
    # 2026: Q1 30, Q2 25, Q3 40, Q4 4. Asked by quarter alone, Q4 hides one more; asked by year, the
    # year is shown; so which quarters show must take the year into account.
    months = [(date(2026, 1, 1), "A", 30), (date(2026, 4, 1), "A", 25), (date(2026, 7, 1), "A", 40)]
    count = by_program("tests.count", [*months, (date(2026, 10, 1), "A", 4)])

    quarters = shown(rates(count, periods=Periods("quarter", Q1, date(2026, 10, 1))))
    year = shown(rates(count, periods=Periods("year", Q1, Q1)))

    assert year == {"2026": 99}
    assert "2026-Q4" not in quarters and len(quarters) <= 2
    assert not 0 < year["2026"] - sum(quarters.values()) < 11


def test_the_agency_less_its_shown_programs_never_gives_a_small_program():
    # Programs A 30, B 25, C 4 in 2026: C is hidden, and B (the next smallest) with it, in the
    # agency's breakdown and when each program is asked alone.
    count = by_program("tests.count", [(Q1, "A", 30), (Q1, "B", 25), (Q1, "C", 4)])
    year = Periods("year", Q1, Q1)

    agency = rates(count, periods=year)[0].total.numerator
    alone = {name: rates(count, periods=year, program=name_of(name))[0].total.numerator for name in "ABC"}
    rows = {row.row: row.numerator for row in rates(count, periods=year, by="program")[0].rows}

    assert agency == 59
    assert alone == rows == {"A": 30, "B": None, "C": None}


def test_a_program_is_not_also_broken_down():
    count = by_program("tests.count", [(Q1, "A", 30)])
    with pytest.raises(ValidationError, match="not broken down"):
        rates(count, periods=Periods("year", Q1, Q1), program=name_of("A"), by="program")
    with pytest.raises(ValueError, match="for one program"):
        rates(fixed("tests.plain", []), periods=Periods("year", Q1, Q1), program=name_of("A"))


def name_of(name: str):
    """A stand-in program: the grid knows programs by name."""
    from tapestry.programs.models import Program

    return Program(name=name)


def test_every_period_measure_offers_the_program_breakdown_the_grid_needs():
    for found in period_registry().values():
        assert "program" in dict(found.breakdowns), found.name
