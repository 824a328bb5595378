"""The directory pages and API run the same number of queries with 5 services as with 50.

The pinned numbers include the session read and save, the user, the need choices of the search
form, the count, the page of services and its two prefetches (locations, needs). A service's page
adds one prefetch each for its phones, schedules, service areas, cost options, required documents,
its organization's phones and locations, and the phones and schedules at each of its locations.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.directory.tests.factories import service_at
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def make_services(rows: int) -> None:
    for n in range(rows):
        service_at(
            40.0 + n * 0.001, -75.0, needs=("food-insecurity", "social-isolation"), name=f"Pantry {n:02d}"
        )


@pytest.mark.parametrize("rows", SIZES)
def test_search_page_by_need(cast, rows, django_assert_num_queries):
    make_services(rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("directory:search"),
        11,  # with the areas the form offers
        django_assert_num_queries,
        need="food-insecurity",
    )

    assert page.content.decode().count("<tr>") == min(rows, 20) + 1


@pytest.mark.parametrize("rows", SIZES)
def test_search_page_near_a_postcode(cast, rows, django_assert_num_queries):
    make_services(rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("directory:search"),
        11,  # with the areas the form offers
        django_assert_num_queries,
        near_postcode="00815",
    )

    assert page.content.decode().count("km</td>") == min(rows, 20)


@pytest.mark.parametrize("rows", SIZES)
def test_search_api(cast, rows, django_assert_num_queries):
    make_services(rows)

    response = counted(
        client_for(cast.caseworker), "/api/v1/directory/services", 9, django_assert_num_queries, q="pantry"
    )

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", SIZES)
def test_service_page(cast, rows, django_assert_num_queries):
    make_services(rows)
    service = service_at(40.0, -75.0, needs=("food-insecurity",), name="Detailed")

    counted(
        client_for(cast.caseworker),
        reverse("directory:service_detail", args=[service.pk]),
        17,
        django_assert_num_queries,
    )
