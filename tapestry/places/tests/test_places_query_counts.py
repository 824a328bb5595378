"""The places pages and API run the same number of queries with 5 areas as with 40.

Pinned: the session and user reads and the session save (a savepoint, an update, its release);
the list adds the areas (with their parents and postcode counts) in one query; an area's page
adds the area, every area's name and parent (where it sits, what is inside it) and its postcodes;
the map adds the measure's two grouped queries and the areas of the kind. The API list reads the
token, its user and marks the token used, then counts and reads one page of areas.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.places.models import Area
from tapestry.places.tests.support import box, make_area
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db
SIZES = [5, 40]


def make_areas(rows: int) -> Area:
    county = make_area(Area.Kind.COUNTY, "C", "County", boundary=box(-76, 39, -74, 41))
    for n in range(rows):
        west = -76 + n * 0.04
        make_area(
            Area.Kind.NEIGHBOURHOOD,
            f"N{n:02d}",
            f"Neighbourhood {n:02d}",
            parent=county,
            postcodes=(f"{800 + n:05d}", f"{900 + n:05d}"),
            boundary=box(west, 39.0, west + 0.04, 39.5),
        )
    return county


@pytest.mark.parametrize("rows", SIZES)
def test_area_list(cast, rows, django_assert_num_queries):
    make_areas(rows)
    page = counted(client_for(cast.caseworker), reverse("places:area_list"), 6, django_assert_num_queries)
    assert page.content.decode().count("<tr>") == rows + 2


@pytest.mark.parametrize("rows", SIZES)
def test_area_page(cast, rows, django_assert_num_queries):
    county = make_areas(rows)
    url = reverse("places:area_detail", kwargs={"pk": county.pk})
    page = counted(client_for(cast.caseworker), url, 8, django_assert_num_queries)
    assert page.content.decode().count("(neighbourhood N") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_case_map(cast, rows, django_assert_num_queries):
    make_areas(rows)
    page = counted(
        # The measure counts by postcode, reads which areas hold them (the atoms) and lists the areas.
        client_for(cast.by_role["evaluator"]),
        reverse("places:case_map"),
        9,
        django_assert_num_queries,
    )
    assert page.content.decode().count("<path ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_list(cast, rows, django_assert_num_queries):
    make_areas(rows)
    _, raw = token_create(actor=cast.caseworker, name="tests")
    client = client_for(cast.caseworker)
    with django_assert_num_queries(8):
        answer = client.get("/api/v1/places/areas", {"page_size": 100}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert answer.json()["count"] == rows + 1
