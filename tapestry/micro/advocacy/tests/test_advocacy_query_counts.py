"""The advocacy pages and list run the same number of queries with 5 rows as with 50 (DESIGN rule 6)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import OrganisationFactory, client_for, open_case

pytestmark = pytest.mark.django_db


def busy_case(worker, rows: int):
    case = open_case(worker)
    for n in range(rows):
        advocacy_action_record(
            actor=worker,
            case=case,
            organisation=OrganisationFactory(),
            issue="benefits",
            action_taken=f"Call {n}.",
        )
    return case


@pytest.mark.parametrize("rows", [5, 50])
def test_case_index(cast, rows, django_assert_num_queries):
    case = busy_case(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    url = reverse("advocacy:case_index", args=[case.pk])
    client.get(url)

    with django_assert_num_queries(15):
        response = client.get(url)

    assert response.content.decode().count("/edit/") == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_api_list(cast, rows, django_assert_num_queries):
    case = busy_case(cast.caseworker, rows)
    _, raw = token_create(actor=cast.caseworker, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    with django_assert_num_queries(10):
        response = client.get(f"/api/v1/cases/{case.pk}/advocacy?page_size=100")

    assert response.json()["count"] == rows
