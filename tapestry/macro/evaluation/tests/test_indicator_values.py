"""An indicator's values per period: computed from measures, suppressed, against target, trend and baseline."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tapestry.evidence.measures import Periods
from tapestry.macro.evaluation import selectors
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import program_for

pytestmark = pytest.mark.django_db

YEAR_2026 = Periods("quarter", date(2026, 1, 1), date(2026, 12, 31))


def test_attendance_rate_per_quarter_against_target_trend_and_baseline(cast):
    program = program_for()
    # Q1: 24 of 40 (60%); Q2: 30 of 42 (71.4%); Q3: 12 of 16, 4 missed (suppressed); Q4: 11 of 22,
    # hidden beside Q3 so that the year (77 of 120) less the quarters shown does not give Q3's 4.
    attendance(
        program,
        {
            date(2026, 1, 5): (12, 8),
            date(2026, 2, 5): (12, 8),
            date(2026, 4, 5): (15, 6),
            date(2026, 5, 5): (15, 6),
            date(2026, 7, 5): (12, 4),
            date(2026, 10, 5): (11, 11),
        },
    )
    indicator = attendance_indicator(
        program=program,
        baseline_value=Decimal("65"),
        baseline_period="2025-Q4",
        target_value=Decimal("70"),
        targets={"2026-Q1": 55.0},
    )

    values = selectors.indicator_values(user=cast["evaluator"], indicator=indicator, periods=YEAR_2026)

    assert [v.period for v in values] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert [(v.rate.numerator, v.rate.denominator, v.rate.value) for v in values] == [
        (24, 40, 60.0),
        (30, 42, 71.4),
        (None, 16, None),
        (None, 22, None),
    ]
    assert [v.target for v in values] == [Decimal("55"), Decimal("70"), Decimal("70"), Decimal("70")]
    assert [v.status for v in values] == ["Met", "Met", "Suppressed", "Suppressed"]
    assert "worked out" in values[3].rate.hidden
    assert [v.change for v in values] == [None, 11.4, None, None]
    assert [v.from_baseline for v in values] == [-5.0, 6.4, None, None]
    assert "not the numerator" in values[2].rate.hidden
    assert selectors.latest_value(values).period == "2026-Q2"


def test_lower_is_better_and_a_missed_target(cast):
    program = program_for()
    attendance(program, {date(2026, 1, 5): (20, 20)})
    indicator = attendance_indicator(program=program, target_value=Decimal("40"), direction="lower")

    first = selectors.indicator_values(user=cast["evaluator"], indicator=indicator, periods=YEAR_2026)[0]

    assert (first.rate.value, first.status) == (50.0, "Not met")


def test_other_programs_are_not_counted_and_a_breakdown_shows_rows(cast):
    housing = program_for()
    families = program_for(name="Families First")
    attendance(housing, {date(2026, 1, 5): (15, 15)})
    attendance(families, {date(2026, 1, 6): (12, 3)}, name="Parents group")
    whole = attendance_indicator(breakdown="program")

    first = selectors.indicator_values(user=cast["evaluator"], indicator=whole, periods=YEAR_2026)[0]
    rows = {rate.row: rate for rate in first.rows}

    assert (first.rate.numerator, first.rate.denominator, first.rate.value) == (27, 45, 60.0)
    # Families First: 3 missed is small, so its 12 is hidden; Housing's 15 then too, or 27 - 15
    # would give the 12 back beside its 15 expected. The denominators stay shown.
    assert [(rate.row, rate.numerator, rate.denominator, rate.value) for rate in first.rows] == [
        ("Families First", None, 15, None),
        ("Housing Stability", None, 30, None),
    ]
    assert "not the numerator" in rows["Families First"].hidden
    # Asked for Housing alone, its figure is the same hidden cell: shown, 27 - 15 would give 12.
    only = attendance_indicator(name="Housing attendance", program=housing)
    alone = selectors.indicator_values(user=cast["evaluator"], indicator=only, periods=YEAR_2026)[0].rate
    assert (alone.numerator, alone.denominator, alone.value) == (None, 30, None)
    assert "worked out" in alone.hidden


def test_a_count_indicator_is_the_numerator_alone(cast):
    # Q3's 12 is hidden beside Q2's 5, or the year less Q1 and Q3 would give it.
    attendance(
        program_for(), {date(2026, 1, 5): (14, 0), date(2026, 4, 5): (5, 0), date(2026, 7, 5): (12, 0)}
    )
    indicator = attendance_indicator(denominator="", factor=Indicator.Factor.COUNT)

    q1, q2, q3, _ = selectors.indicator_values(user=cast["evaluator"], indicator=indicator, periods=YEAR_2026)

    assert (q1.rate.value, q1.rate.denominator) == (14, None)
    assert q2.rate.value is None and q2.rate.suppressed
    assert q3.rate.value is None and "worked out" in q3.rate.hidden


def test_periods_asked_by_label_and_the_default_range(cast):
    indicator = attendance_indicator(period_type="month")

    default = selectors.default_periods(indicator, today=date(2026, 3, 15))
    asked = selectors.periods_asked(indicator, "2025-11", "2026-02", today=date(2026, 3, 15))
    only_from = selectors.periods_asked(indicator, "2026-01", "", today=date(2026, 3, 15))

    assert (default.label(default.first), default.label(default.last), len(default.starts)) == (
        "2025-04",
        "2026-03",
        12,
    )
    assert [asked.label(start) for start in asked.starts] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert only_from.label(only_from.last) == "2026-03"
    with pytest.raises(ValueError, match="YYYY-MM"):
        selectors.periods_asked(indicator, "2026-Q1", "", today=date(2026, 3, 15))
