"""The program list, program page and reach page run the same number of queries at 5 and at 50 cases.

Every signed-in page runs 5 of the pinned queries (session, user, session save in a savepoint).
The reach page's figures are five queries (headline, need, age, gender, month) whatever the
number of people; the program page is the program, logic model, staff, budget totals, groups,
case counts and the two "may manage / may see reach" checks.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.programs.models import BudgetLine, LogicModelItem, Program
from tapestry.programs.tests.support import enrol, group_in, program_for, serve_by_cases
from tapestry.testing import PersonFactory, client_for

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def filled(manager, rows: int) -> Program:
    program = program_for(manager, capacity=rows)
    serve_by_cases(program, rows)
    serve_by_cases(program, rows // 5 or 1, segment="substance_use")
    group = group_in(program, focus="food-insecurity")
    for _ in range(rows // 5 or 1):
        enrol(group, PersonFactory())
    for n in range(rows):
        LogicModelItem.objects.create(
            program=program, column=LogicModelItem.Column.choices[n % 5][0], text=f"Item {n}"
        )
        BudgetLine.objects.create(
            program=program,
            category="personnel",
            description=f"Line {n}",
            amount=10,
            fiscal_year=2025 + n % 2,
        )
    for n in range(rows):
        Program.objects.create(name=f"Program {n}")
    return program


def get_counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_program_list(cast, rows, django_assert_num_queries):
    filled(cast["program_manager"], rows)
    page = get_counted(
        client_for(cast["evaluator"]), reverse("programs:program_list"), 6, django_assert_num_queries
    )
    assert f"Program {rows - 1}" in page


@pytest.mark.parametrize("rows", SIZES)
def test_program_page(cast, rows, django_assert_num_queries):
    program = filled(cast["program_manager"], rows)
    url = reverse("programs:program_detail", args=[program.pk])
    page = get_counted(client_for(cast["program_manager"]), url, 13, django_assert_num_queries)
    assert f"Item {rows - 1}" in page


@pytest.mark.parametrize("rows", SIZES)
def test_reach_page(cast, rows, django_assert_num_queries):
    program = filled(cast["program_manager"], rows)
    url = reverse("programs:program_reach", args=[program.pk])
    page = get_counted(client_for(cast["program_manager"]), url, 11, django_assert_num_queries)
    assert "People served by month" in page


@pytest.mark.parametrize("rows", SIZES)
def test_logic_model_and_budget_editors(cast, rows, django_assert_num_queries):
    program = filled(cast["program_manager"], rows)
    client = client_for(cast["program_manager"])
    get_counted(client, reverse("programs:logic_model_edit", args=[program.pk]), 7, django_assert_num_queries)
    get_counted(client, reverse("programs:program_budget", args=[program.pk]), 8, django_assert_num_queries)
