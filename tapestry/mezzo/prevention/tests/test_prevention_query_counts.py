"""The prevention pages run the same number of queries with 5 rows as with 50."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.prevention.tests.helpers import a_measure, a_program, an_activity, days_ago
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.mark.parametrize("rows", SIZES)
def test_program_detail(cast, rows, django_assert_num_queries):
    record = a_program(cast.by_role["community_educator"])
    for n in range(rows):
        an_activity(record, held_on=days_ago(n), kind=("workshop", "classroom")[n % 2])
        a_measure(record, f"Measure {n}")

    page = counted(
        client_for(cast.by_role["evaluator"]),
        reverse("prevention:program_detail", args=[record.pk]),
        8,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Being an upstander") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_program_list(cast, rows, django_assert_num_queries):
    educator = cast.by_role["community_educator"]
    for n in range(rows):
        an_activity(a_program(educator, name=f"Program {n}"), held_on=days_ago(1))

    page = counted(client_for(educator), reverse("prevention:program_list"), 6, django_assert_num_queries)

    assert page.content.decode().count('href="/mezzo/prevention/') - 1 == rows


@pytest.mark.parametrize("rows", SIZES)
def test_program_detail_api(cast, rows, django_assert_num_queries):
    record = a_program(cast.by_role["community_educator"])
    for n in range(rows):
        an_activity(record, held_on=days_ago(n))
        a_measure(record, f"Measure {n}")

    response = counted(
        client_for(cast.by_role["evaluator"]),
        f"/api/v1/prevention-programs/{record.pk}",
        8,
        django_assert_num_queries,
    )

    assert response.json()["reach"]["activities"] == rows
