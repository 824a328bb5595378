"""The demo directory: a synthetic HSDS file of services near the synthetic centre, loaded once."""

from __future__ import annotations

import json

import pytest

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import ORGANISATIONS
from tapestry.directory import demo, geo
from tapestry.directory.models import Location, Service
from tapestry.places.postcodes import CENTRE, demo_centroids

pytestmark = pytest.mark.django_db


def test_seed_imports_the_demo_file_once():
    first = demo.seed(DemoContext.load("directory-2026"))
    again = demo.seed(DemoContext.load("directory-2026"))

    assert first == "28 directory services"
    assert again == ""
    assert Service.objects.count() == 28


def test_every_demo_service_meets_a_need_and_sits_near_the_synthetic_centre():
    demo.seed(DemoContext.load("directory-2026"))
    centre = geo.Point(*CENTRE)

    assert not Service.objects.filter(needs__isnull=True).exists()
    for location in Location.objects.exclude(location_type="virtual"):
        assert geo.haversine_km(centre, geo.Point(location.latitude, location.longitude)) < 15
    postcodes = {postcode for postcode, *_ in demo_centroids()}
    assert set(Location.objects.exclude(postal_code="").values_list("postal_code", flat=True)) <= postcodes


def test_the_demo_services_belong_to_the_demo_organisations_by_name():
    names = {service["organization"]["name"] for service in json.loads(demo.DEMO_FILE.read_text())}

    assert names <= {name for name, *_ in ORGANISATIONS}
