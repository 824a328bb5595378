"""The planned session dates of a group, and its schedule in words."""

from __future__ import annotations

import datetime as dt

from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.groups.schedule import next_session_on, schedule_in_words, session_dates


def group(**fields: object) -> Group:
    defaults = {
        "name": "G",
        "kind": "support",
        "purpose": "p",
        "capacity": 5,
        "first_session_on": dt.date(2026, 1, 6),  # a Tuesday
        "start_time": dt.time(18, 0),
        "duration_minutes": 90,
        "frequency": "weekly",
    }
    return Group(**{**defaults, **fields})


def test_a_weekly_group_meets_every_seven_days_for_its_session_count():
    dates = session_dates(group(session_count=3))
    assert dates == [dt.date(2026, 1, 6), dt.date(2026, 1, 13), dt.date(2026, 1, 20)]


def test_a_fortnightly_group_stops_at_its_last_date():
    dates = session_dates(group(frequency="fortnightly", ends_on=dt.date(2026, 2, 17)))
    assert dates == [dt.date(2026, 1, 6), dt.date(2026, 1, 20), dt.date(2026, 2, 3), dt.date(2026, 2, 17)]


def test_a_monthly_group_on_the_31st_meets_on_the_last_day_of_short_months():
    dates = session_dates(group(frequency="monthly", first_session_on=dt.date(2026, 1, 31), session_count=3))
    assert dates == [dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 31)]


def test_a_one_off_meets_once_and_an_open_ended_group_stops_at_the_limit():
    assert session_dates(group(frequency="once")) == [dt.date(2026, 1, 6)]
    assert len(session_dates(group(), limit=10)) == 10


def test_the_next_session_is_the_first_on_or_after_today():
    weekly = group(session_count=4)
    assert next_session_on(weekly, today=dt.date(2026, 1, 14)) == dt.date(2026, 1, 20)
    assert next_session_on(weekly, today=dt.date(2026, 1, 20)) == dt.date(2026, 1, 20)
    assert next_session_on(weekly, today=dt.date(2026, 1, 28)) is None
    assert next_session_on(group(), today=dt.date(2027, 6, 1)) == dt.date(2027, 6, 1)  # a Tuesday


def test_the_schedule_reads_as_words():
    assert schedule_in_words(group(session_count=10)) == (
        "Weekly on Tuesdays, 18:00–19:30, from 6 January 2026, 10 sessions"
    )
    assert schedule_in_words(group(frequency="once")).startswith("Once, on Tuesday 6 January 2026")
