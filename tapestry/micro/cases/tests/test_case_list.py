"""The case list: filters by worker, status, type, program and need; sortable columns; bad keys refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.micro.cases.tests.support import add_need, api_client, need
from tapestry.programs.models import Program
from tapestry.testing import PersonFactory, client_for, counted, open_case

pytestmark = pytest.mark.django_db


def listed(user, **params: object) -> list[int]:
    response = api_client(user).get("/api/v1/cases", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.fixture
def cases(cast):
    housing = Program.objects.create(name="Housing Stability")
    mine = open_case(
        cast.caseworker, PersonFactory(family_name="Abara"), program=housing, opened_on=dt.date(2026, 3, 1)
    )
    theirs = open_case(
        cast.teammate, PersonFactory(family_name="Zeller"), case_type="crisis", opened_on=dt.date(2026, 5, 1)
    )
    held = open_case(cast.caseworker, PersonFactory(family_name="Moreau"), opened_on=dt.date(2026, 1, 1))
    held.status = "on_hold"
    held.on_hold_since = dt.date(2026, 6, 1)
    held.save()
    add_need(theirs, "food-insecurity")
    return {"mine": mine, "theirs": theirs, "held": held, "housing": housing}


def test_filters_by_worker_status_type_program_and_need(cast, cases):
    mine, theirs, held = cases["mine"], cases["theirs"], cases["held"]

    assert set(listed(cast.caseworker, worker_id=cast.teammate.pk)) == {theirs.pk}
    assert set(listed(cast.caseworker, status="on_hold")) == {held.pk}
    assert set(listed(cast.caseworker, case_type="crisis")) == {theirs.pk}
    assert set(listed(cast.caseworker, program_id=cases["housing"].pk)) == {mine.pk}
    assert set(listed(cast.caseworker, need_id=need("food-insecurity").pk)) == {theirs.pk}


def test_sorts_by_a_column_either_way(cast, cases):
    mine, theirs, held = cases["mine"], cases["theirs"], cases["held"]

    assert listed(cast.caseworker) == [theirs.pk, mine.pk, held.pk]  # newest opened first
    assert listed(cast.caseworker, sort="opened") == [held.pk, mine.pk, theirs.pk]
    assert listed(cast.caseworker, sort="person") == [mine.pk, held.pk, theirs.pk]
    assert listed(cast.caseworker, sort="-person") == [theirs.pk, held.pk, mine.pk]
    assert listed(cast.caseworker, sort="number") == sorted([mine.pk, theirs.pk, held.pk])


def test_an_unknown_sort_key_is_a_422_on_that_field(cast, cases):
    response = api_client(cast.caseworker).get("/api/v1/cases", {"sort": "presenting_problem"})

    assert response.status_code == 422
    assert "sort" in response.json()["errors"]


def test_the_page_filters_and_sorts_with_links_on_the_headings(cast, cases):
    client = client_for(cast.caseworker)

    page = client.get(reverse("cases:case_list"), {"worker": cast.teammate.pk, "sort": "-person"})

    body = page.content.decode()
    assert cases["theirs"].number in body
    assert cases["mine"].number not in body
    assert 'aria-sort="descending"' in body
    assert "sort=person" in body  # the sorted heading's link turns it around


def test_the_page_shows_a_bad_sort_or_worker_beside_its_field(cast, cases):
    page = client_for(cast.caseworker).get(reverse("cases:case_list"), {"sort": "secret", "worker": "99999"})

    body = page.content.decode()
    assert page.status_code == 200
    assert "The list cannot be sorted by “secret”" in body
    assert "Select a valid choice" in body
    assert cases["mine"].number not in body


def test_a_worker_out_of_reach_is_not_a_choice(cast, cases):
    open_case(cast.outsider)

    page = client_for(cast.caseworker).get(reverse("cases:case_list"), {"worker": cast.outsider.pk})

    assert "Select a valid choice" in page.content.decode()


@pytest.mark.parametrize("rows", [5, 50])
def test_filtered_sorted_list_runs_a_fixed_number_of_queries(cast, rows, django_assert_num_queries):
    program = Program.objects.create(name="Family Support")
    for n in range(rows):
        case = open_case(cast.caseworker if n % 2 else cast.teammate, PersonFactory(), program=program)
        add_need(case, "food-insecurity")
    params = {
        "status": "all",
        "program": program.pk,
        "need": need("food-insecurity").pk,
        "sort": "-worker",
    }

    response = counted(
        client_for(cast.caseworker), reverse("cases:case_list"), 17, django_assert_num_queries, **params
    )
    page = response.content.decode()

    assert page.count("<tr>") == min(rows, 25) + 1


@pytest.mark.parametrize("rows", [5, 50])
def test_filtered_sorted_api_runs_a_fixed_number_of_queries(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        open_case(cast.caseworker, PersonFactory())
    client = api_client(cast.caseworker)
    client.get("/api/v1/cases")

    with django_assert_num_queries(7):
        response = client.get("/api/v1/cases", {"sort": "person", "worker_id": cast.caseworker.pk})

    assert len(response.json()["items"]) == min(rows, 50)
