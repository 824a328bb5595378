"""The case pages and the case API run the same number of queries with 5 rows as with 50 (DESIGN rule 6).

The pinned numbers include the session, the user, the segment grants and the audit entry; the
caseload also runs every other area's `caseload.py`, so its pin is the cases app's share plus
theirs, checked as "the same at 5 and 50".
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.micro.cases import selectors
from tapestry.micro.cases.tests.support import add_need, api_client, barrier
from tapestry.needs.models import Need
from tapestry.testing import PersonFactory, client_for, open_case

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def count_queries(client, url: str, **params: str) -> tuple[int, str]:
    client.get(url, params)  # the first request settles the session
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def get_counted(client, url: str, expected: int, django_assert_num_queries, **params: str) -> str:
    client.get(url, params)
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def many_cases(worker, rows: int) -> list:
    return [open_case(worker, person=PersonFactory()) for _ in range(rows)]


@pytest.mark.parametrize("rows", SIZES)
def test_case_detail(cast, rows, django_assert_num_queries):
    case = open_case(cast.caseworker)
    for need in Need.objects.all()[:rows]:
        case_need = add_need(case, need.code, status="unmet", barrier=barrier("cost"))
        case_need.changes.create(status="unmet", barrier=barrier("cost"), changed_by=cast.caseworker)

    page = get_counted(
        client_for(cast.caseworker),
        reverse("cases:case_detail", args=[case.pk]),
        20,  # 5 of them the client's alerts (tapestry.micro.alerts, pinned there at two sizes)
        django_assert_num_queries,
    )

    assert page.count("Barrier: Can") == min(rows, Need.objects.count())


@pytest.mark.parametrize("rows", SIZES)
def test_case_list(cast, rows, django_assert_num_queries):
    many_cases(cast.caseworker, rows)

    page = get_counted(client_for(cast.caseworker), reverse("cases:case_list"), 15, django_assert_num_queries)

    assert page.count("<tr>") == min(rows, 25) + 1


@pytest.mark.parametrize("rows", SIZES)
def test_person_cases(cast, rows, django_assert_num_queries):
    person = PersonFactory()
    for _ in range(rows):
        add_need(open_case(cast.caseworker, person=person))

    page = get_counted(
        client_for(cast.caseworker),
        reverse("cases:person_cases", args=[person.pk]),
        13,
        django_assert_num_queries,
    )

    assert page.count("<tr>") == rows + 1


@pytest.mark.parametrize("rows", SIZES)
def test_caseload_cases_share(cast, rows, monkeypatch, django_assert_num_queries):
    from tapestry.micro.cases import caseload as own

    monkeypatch.setattr(selectors, "app_modules", lambda name: (own,))
    for case in many_cases(cast.caseworker, rows):
        add_need(case)

    page = get_counted(client_for(cast.caseworker), reverse("cases:caseload"), 12, django_assert_num_queries)

    assert page.count("<tr>") == rows + 1  # my open cases; no alerts from the cases app alone


def test_caseload_with_every_area_is_the_same_at_5_and_50(cast):
    client = client_for(cast.caseworker)
    many_cases(cast.caseworker, 5)
    small, _ = count_queries(client, reverse("cases:caseload"))
    many_cases(cast.caseworker, 45)
    large, page = count_queries(client, reverse("cases:caseload"))

    assert small == large
    assert page.count("C-0") >= 50


@pytest.mark.parametrize("rows", SIZES)
def test_api_case_list(cast, rows, django_assert_num_queries):
    many_cases(cast.caseworker, rows)
    client = api_client(cast.caseworker)

    client.get("/api/v1/cases")
    with django_assert_num_queries(7):
        response = client.get("/api/v1/cases")

    assert response.json()["count"] == rows
