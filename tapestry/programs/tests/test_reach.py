"""A program's reach: distinct people through cases and groups, by need, age, gender and month, all suppressed."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.programs.reach import CONFIDENTIAL, program_reach
from tapestry.programs.tests.support import api_client, enrol, group_in, program_for, serve_by_cases
from tapestry.testing import PersonFactory, client_for

pytestmark = pytest.mark.django_db


def cells(breakdown) -> dict[str, int | None]:
    return {cell.label: cell.value for cell in breakdown.cells}


def years_old(age: int) -> date:
    today = timezone.localdate()
    return date(today.year - age - 1, 1, 15)


def test_people_are_counted_once_across_cases_and_groups(cast):
    program = program_for(cast["program_manager"])
    people = serve_by_cases(program, 12)
    group = group_in(program, focus="food-insecurity")
    for person in people[:5]:  # already served by a case: not counted twice
        enrol(group, person)
    for _ in range(4):
        enrol(group, PersonFactory(date_of_birth=years_old(30), gender_identity="Woman"))
    enrol(group, PersonFactory(), status="waiting")  # a waiting-list place is not service
    serve_by_cases(program_for(None, name="Other program"), 20)  # another program's people

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)

    assert reach.people_served.value == 16
    assert cells(reach.by_need) == {"Food insecurity": 16}


def test_each_need_counts_its_people_once_in_one_statement(cast, django_assert_num_queries):
    """A person with two cases coding the same need counts once under it, and once under each other
    need; the counts by need are one grouped statement, whatever the number of needs."""
    from tapestry.micro.cases.models import CaseNeed
    from tapestry.needs.models import Need
    from tapestry.programs.reach import _by_need
    from tapestry.testing import CaseFactory

    program = program_for(cast["program_manager"])
    people = serve_by_cases(program, 12)
    serve_by_cases(program, 11, need="unemployment")
    for person in people:  # a second case in the program, the same need again
        case = CaseFactory(person=person, program=program)
        CaseNeed.objects.create(case=case, need=Need.objects.get(code="food-insecurity"))

    with django_assert_num_queries(1):
        by_need = _by_need(program)

    assert cells(by_need) == {"Food insecurity": 12, "Unemployment": 11}


def test_a_cell_of_three_shows_as_less_than_eleven_and_cannot_be_recovered(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 3, born=years_old(12))
    serve_by_cases(program, 20, born=years_old(30))
    serve_by_cases(program, 12, born=years_old(50))

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)
    ages = cells(reach.by_age)
    page = (
        client_for(cast["evaluator"])
        .get(reverse("programs:program_reach", args=[program.pk]))
        .content.decode()
    )

    assert ages["Under 18"] is None and str(reach.by_age.cells[0]) == "<11"
    assert reach.by_age.total.value == 35
    # The next smallest cell is hidden too, so 35 - 20 leaves two unknowns, not the three.
    assert ages["45–64"] is None and ages["25–44"] == 20
    assert "&lt;11" in page and ">3<" not in page and ">12<" not in page


def test_small_totals_hide_the_whole_breakdown(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 6)

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)

    assert reach.people_served.value is None and str(reach.people_served) == "<11"
    assert all(cell.value in (None, 0) for b in reach.breakdowns for cell in b.cells)


def test_sensitive_cases_count_only_in_totals(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 20, gender="Woman")
    serve_by_cases(program, 12, gender="Man", need="family-substance-use", segment="substance_use")

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)

    assert reach.people_served.value == 32
    assert cells(reach.by_gender) == {"Woman": 20, CONFIDENTIAL: 12}
    assert "Alcohol or drug use in the family" not in cells(reach.by_need)


def test_a_few_sensitive_people_are_suppressed_in_the_confidential_row(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 20, gender="Woman")
    serve_by_cases(program, 14, gender="Man")
    serve_by_cases(program, 2, segment="substance_use")

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)
    genders = cells(reach.by_gender)

    assert reach.people_served.value == 36
    assert genders[CONFIDENTIAL] is None and genders["Man"] is None and genders["Woman"] == 20


def test_people_served_by_month(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 12, opened_on=timezone.localdate().replace(day=1))

    reach = program_reach(user=cast["evaluator"], program_id=program.pk)
    months = reach.by_month.cells

    assert len(months) == 12
    assert months[-1].value == 12 and months[-1].label == f"{timezone.localdate():%b %Y}"
    assert months[0].value == 0


def test_the_reach_page_has_a_chart_with_a_table_beside_it(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 12)

    page = (
        client_for(cast["program_manager"])
        .get(reverse("programs:program_reach", args=[program.pk]))
        .content.decode()
    )

    assert "<svg" in page and "<title" in page and "style=" not in page
    assert "<caption>People served by month</caption>" in page
    assert "<caption>People served by need</caption>" in page


def test_the_api_returns_suppressed_cells_as_null_with_a_flag(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 3, born=years_old(12))
    serve_by_cases(program, 20, born=years_old(30))

    body = api_client(cast["evaluator"]).get(f"/api/v1/programs/{program.pk}/reach").json()
    ages = {cell["label"]: cell for cell in body["by_age"]["cells"]}

    assert body["people_served"] == {"label": "People served", "value": 23, "suppressed": False}
    assert ages["Under 18"] == {"label": "Under 18", "value": None, "suppressed": True}
    assert ages["25–44"]["suppressed"] is True  # the complementary cell
