"""Groups meet in an area (places): found by that area or any area it lies inside."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.groups.tests.support import api_client, make_group
from tapestry.mezzo.groups.tests.test_api import new_group
from tapestry.places.tests.support import make_area
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_groups_are_found_by_their_area_and_the_areas_it_lies_in(cast):
    county = make_area("county", "C-1", "Demo County")
    north = make_area("neighbourhood", "N-1", "Northside", parent=county)
    south = make_area("neighbourhood", "N-2", "Southside", parent=county)
    facilitator = cast["group_facilitator"]
    make_group(facilitator, name="North parents", area=north)
    make_group(facilitator, name="South elders", area=south)
    make_group(facilitator, name="Online peer support")

    def names(area) -> list[str]:
        found = api_client(cast["evaluator"]).get("/api/v1/groups", {"area_id": area.pk}).json()
        return sorted(item["name"] for item in found["items"])

    page = client_for(cast["caseworker"]).get(reverse("groups:group_list"), {"area": north.pk})

    assert names(north) == ["North parents"]
    assert names(county) == ["North parents", "South elders"]
    assert "North parents" in page.content.decode() and "South elders" not in page.content.decode()


def test_an_area_is_set_through_the_api_and_an_unknown_one_is_refused_by_the_field(cast):
    area = make_area("neighbourhood", "N-9", "Riverside")
    facilitator = cast["group_facilitator"]
    client = api_client(facilitator)

    made = client.post(
        "/api/v1/groups",
        json.dumps(new_group(facilitator, area_id=area.pk), default=str),
        content_type="application/json",
    )
    unknown = client.post(
        "/api/v1/groups",
        json.dumps(new_group(facilitator, name="Another", area_id=999999), default=str),
        content_type="application/json",
    )

    assert made.status_code == 201 and made.json()["area"] == {"id": area.pk, "name": "Riverside"}
    assert unknown.status_code == 422 and "area_id" in unknown.content.decode()
    assert Group.objects.get().area == area
    detail = client_for(facilitator).get(reverse("groups:group_detail", args=[made.json()["id"]]))
    assert "Riverside" in detail.content.decode()
