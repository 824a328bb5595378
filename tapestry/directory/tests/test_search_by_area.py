"""Directory services are found by area: those with a location at a postcode the area holds."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.directory.models import Location, Service
from tapestry.directory.tests.factories import service_at as placed
from tapestry.places.tests.support import make_area
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def service_at(name: str, postcode: str) -> Service:
    service = placed(40.0, -75.0, name=name)
    Location.objects.filter(service_at_locations__service=service).update(postal_code=postcode)
    return service


def test_services_are_found_by_the_postcodes_an_area_holds(cast):
    county = make_area("county", "C-1", "Demo County", postcodes=("00801", "00802"))
    north = make_area("neighbourhood", "N-1", "Northside", parent=county, postcodes=("00801",))
    service_at("North food bank", "00801")
    service_at("South clinic", "00802")
    service_at("Far away shelter", "09999")

    def names(area) -> list[str]:
        found = api_client(cast["caseworker"]).get("/api/v1/directory/services", {"area": area.pk}).json()
        return sorted(item["name"] for item in found["items"])

    page = client_for(cast["caseworker"]).get(reverse("directory:search"), {"area": north.pk})
    unknown = api_client(cast["caseworker"]).get("/api/v1/directory/services", {"area": 999999})

    assert names(north) == ["North food bank"]
    assert names(county) == ["North food bank", "South clinic"]
    assert "North food bank" in page.content.decode() and "South clinic" not in page.content.decode()
    assert unknown.status_code == 400 and "area" in unknown.json()["errors"]
