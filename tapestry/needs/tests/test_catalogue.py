"""The needs catalogue: every coded need with its ICD-10-CM code, and the barriers, for any signed-in staff."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.needs.models import Barrier, Need
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_catalogue_groups_needs_by_domain_with_their_codes(cast):
    page = client_for(cast["auditor"]).get(reverse("needs:catalogue")).content.decode()

    assert "<h2" in page and "Housing" in page
    assert "Food insecurity" in page and "Z59.41" in page
    assert "Waiting list too long" in page


def test_catalogue_names_the_code_set_year(cast):
    page = client_for(cast.caseworker).get(reverse("needs:catalogue")).content.decode()

    assert "ICD-10-CM FY2026</strong> (in effect from 1 October 2025 to 30 September 2026)" in page
    assert "Z59.869" in page and "Z59.86<" not in page


def test_a_retired_need_is_not_offered(cast):
    Need.objects.filter(code="childcare").update(is_active=False)

    page = client_for(cast.caseworker).get(reverse("needs:catalogue")).content.decode()

    assert "Childcare" not in page


def test_api_lists_needs_with_icd10_and_filters_by_domain(cast):
    client = api_client(cast["evaluator"])

    everything = client.get("/api/v1/needs?page_size=100").json()
    food = client.get("/api/v1/needs?domain=food").json()

    assert everything["count"] == Need.objects.count()
    assert food["items"] == [
        {
            "code": "food-insecurity",
            "label": "Food insecurity",
            "domain": "food",
            "domain_label": "Food",
            "icd10": "Z59.41",
            "icd10_year": 2026,
            "description": "",
        }
    ]


def test_api_lists_barriers(cast):
    response = api_client(cast.caseworker).get("/api/v1/barriers?page_size=100")

    assert response.json()["count"] == Barrier.objects.count()
    assert {"code": "waitlist", "label": "Waiting list too long", "description": ""} in response.json()[
        "items"
    ]


def test_an_unknown_domain_is_a_field_error(cast):
    response = api_client(cast.caseworker).get("/api/v1/needs?domain=weather")

    assert response.status_code == 422
    assert "domain" in response.json()["errors"]


def test_anonymous_visitors_are_sent_to_sign_in():
    assert Client().get(reverse("needs:catalogue")).status_code == 302
    assert Client().get("/api/v1/needs").status_code == 401


def test_catalogue_queries_do_not_grow_with_the_needs(cast):
    client = client_for(cast.caseworker)
    url = reverse("needs:catalogue")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(5):
        Need.objects.create(
            code=f"extra-{n}", label=f"Extra {n}", domain="food", icd10="Z59.41", icd10_year=n + 2020
        )
    with CaptureQueriesContext(connection) as after:
        page = client.get(url).content.decode()

    assert len(after) == len(before)
    assert "ICD-10-CM FY2020" in page and "ICD-10-CM FY2026" in page
