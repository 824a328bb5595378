"""The measures cases offer: one grouped query each, answered suppressed, sensitive needs never broken down."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tapestry.evidence.measures import CONFIDENTIAL, ask
from tapestry.micro.cases.measures import by_need, by_program, by_status, opened_by_month
from tapestry.micro.cases.models import Case
from tapestry.programs.tests.support import program_for, serve_by_cases

pytestmark = pytest.mark.django_db


def test_cases_by_status_of_a_program(cast, django_assert_num_queries):
    program = program_for(name="Housing Stability")
    serve_by_cases(program, 14)
    serve_by_cases(program_for(name="Other"), 30)
    closing = list(Case.objects.filter(program=program).values_list("pk", flat=True)[:2])
    Case.objects.filter(pk__in=closing).update(status=Case.Status.CLOSED)

    with django_assert_num_queries(1):
        table = by_status(program=program)

    # Two closed cases are hidden, and the open count with them (it would give them back).
    assert table.values() == {"Open": None, "On hold": 0, "Closed": None}
    assert table.total.value == 14


def test_cases_by_need_count_cases_and_keep_sensitive_needs_in_one_row(cast, django_assert_num_queries):
    program = program_for()
    serve_by_cases(program, 20, need="food-insecurity")
    serve_by_cases(program, 12, need="housing-instability")
    serve_by_cases(program, 12, need="family-substance-use", segment="substance_use")
    serve_by_cases(program, 3, need="food-insecurity", segment="substance_use")

    with django_assert_num_queries(1):
        table = by_need(program=program)

    values = table.values()
    assert values["Food insecurity"] == 20 and values[CONFIDENTIAL] == 15
    assert len(values) == 3 and "Alcohol or drug use in the family" not in values
    assert values["Housing instability, housed"] == 12
    assert table.total.value == 47


def test_a_small_need_is_suppressed_with_its_complement(cast):
    program = program_for()
    serve_by_cases(program, 20, need="food-insecurity")
    serve_by_cases(program, 12, need="housing-instability")
    serve_by_cases(program, 4, need="social-isolation")

    values = by_need(program=program).values()

    assert values["Social exclusion and isolation"] is None
    assert values["Housing instability, housed"] is None
    assert values["Food insecurity"] == 20 and values[CONFIDENTIAL] == 0


def test_cases_by_program_in_one_query(cast, django_assert_num_queries):
    serve_by_cases(program_for(name="Housing Stability"), 12)
    serve_by_cases(program_for(name="Food Access"), 25)
    serve_by_cases(program_for(name="Tiny"), 2)

    with django_assert_num_queries(1):
        table = by_program()

    assert [(cell.label, cell.value) for cell in table.cells] == [
        ("Food Access", 25),
        ("Housing Stability", None),  # the complement of the hidden two
        ("Tiny", None),
    ]
    assert table.total.value == 39


def test_cases_opened_by_month(cast, django_assert_num_queries):
    today = timezone.localdate()
    program = program_for()
    serve_by_cases(program, 12, opened_on=today.replace(day=1))
    serve_by_cases(program, 2, opened_on=today.replace(year=today.year - 3))  # out of the window

    with django_assert_num_queries(1):
        table = opened_by_month(program=program, today=today)

    assert len(table.cells) == 12
    assert table.cells[-1].label == f"{today:%b %Y}" and table.cells[-1].value == 12
    assert table.total.value == 12


def test_who_may_ask_for_case_counts(cast):
    serve_by_cases(program_for(), 12)

    assert ask(cast["evaluator"], "cases.by_program").total.value == 12
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "cases.by_need")
