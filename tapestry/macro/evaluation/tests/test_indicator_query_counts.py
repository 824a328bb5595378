"""The indicator pages and API run the same number of queries with little and with much practice data.

Two grouped queries per indicator (numerator and denominator) over every period shown; the rest is
the session, the user, the route check and the page's own look-ups. If a number moves, find out
why before changing it here.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import api_client, program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [1, 6]  # groups, each with a session a month for a year


def practice(size: int) -> None:
    for n in range(size):
        program = program_for(name=f"Program {n}")
        sessions = {date(2026, 1, 5) + timedelta(weeks=4 * week): (12 + n, 3) for week in range(12)}
        attendance(program, sessions, name=f"Group {n}")


def counted(client, url: str, expected: int, django_assert_num_queries, **params: str):
    client.get(url, params)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_indicator_list(cast, size, django_assert_num_queries):
    practice(size)
    attendance_indicator()
    attendance_indicator(name="By program", breakdown="program", period_type="month")

    counted(
        client_for(cast["evaluator"]), reverse("evaluation:indicator_list"), 10, django_assert_num_queries
    )


@pytest.mark.parametrize("size", SIZES)
def test_indicator_detail_over_many_periods(cast, size, django_assert_num_queries):
    practice(size)
    indicator = attendance_indicator(breakdown="program", period_type="month")

    page = counted(
        client_for(cast["evaluator"]),
        reverse("evaluation:indicator_detail", args=[indicator.pk]),
        8,
        django_assert_num_queries,
        **{"from": "2024-01", "to": "2026-12"},
    )
    assert page.content.decode().count("<tr>") > 36


@pytest.mark.parametrize("size", SIZES)
def test_indicator_values_api(cast, size, django_assert_num_queries):
    practice(size)
    indicator = attendance_indicator(breakdown="program")

    counted(
        api_client(cast["evaluator"]),
        f"/api/v1/indicators/{indicator.pk}",
        4,
        django_assert_num_queries,
        **{"from": "2025-Q1", "to": "2026-Q4"},
    )
