"""The crisis pages and lists run the same number of queries with 5 rows as with 50 (DESIGN rule 6).

The pinned numbers include the session, the user and the audit entry; if one moves, find out
why before changing it here.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.micro.crisis.services import overdue_follow_ups_escalate
from tapestry.micro.crisis.tests.factories import assess, crisis_case, overdue_follow_up, plan
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def busy_case(worker, rows: int):
    case = crisis_case(worker)
    for n in range(rows):
        assessment = assess(worker, case, suicide="high" if n % 2 else "low")
        assessment.emergency_contacts.create(service="police", contacted_at=assessment.assessed_at)
        overdue_follow_up(worker, case)
    plan(worker, case)
    overdue_follow_ups_escalate()
    return case


def counted(client: Client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, rows, django_assert_num_queries):
    case = busy_case(cast.caseworker, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("crisis:case_index", args=[case.pk]),
        22,
        django_assert_num_queries,
    )

    assert page.count("crisis/risk-assessments/") == rows
    assert page.count("Escalated ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_risk_assessment_detail(cast, rows, django_assert_num_queries):
    case = busy_case(cast.caseworker, rows)
    assessment = case.risk_assessments.first()
    for _ in range(rows):
        assessment.emergency_contacts.create(service="ambulance", contacted_at=assessment.assessed_at)

    page = counted(
        client_for(cast.caseworker),
        reverse("crisis:risk_assessment_detail", args=[assessment.pk]),
        15,
        django_assert_num_queries,
    )

    assert page.count("Ambulance") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_lists(cast, rows, django_assert_num_queries):
    case = busy_case(cast.caseworker, rows)
    _, raw = token_create(actor=cast.caseworker, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    with django_assert_num_queries(12):
        assessments = client.get(f"/api/v1/cases/{case.pk}/risk-assessments?page_size=100")
    with django_assert_num_queries(10):
        follow_ups = client.get(f"/api/v1/cases/{case.pk}/follow-ups?page_size=100")

    assert assessments.json()["count"] == rows
    assert len(follow_ups.json()["items"]) == rows
