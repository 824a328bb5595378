"""The demo areas: six neighbourhoods over the synthetic postcodes, the county holding them and a
school district, each with a closed boundary, seeded once."""

from __future__ import annotations

import pytest

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.places import demo, geojson, selectors
from tapestry.places.models import Area
from tapestry.places.postcodes import demo_centroids
from tapestry.testing import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx() -> DemoContext:
    UserFactory(username="community_organiser", role=Role.COMMUNITY_ORGANISER)
    return DemoContext.load("places")


def test_the_demo_areas_cover_every_synthetic_postcode_once_per_kind(ctx):
    assert demo.seed(ctx) == "8 areas"

    neighbourhoods = Area.objects.filter(kind=Area.Kind.NEIGHBOURHOOD)
    assert neighbourhoods.count() == 6
    assert {area.parent.code for area in neighbourhoods} == {"DC-01"}
    for postcode, _, latitude, longitude in demo_centroids():
        kinds = sorted(area.kind for area in selectors.areas_holding(postcode))
        assert kinds.count("neighbourhood") == 1 and kinds.count("county") == 1
        # The postcode's centre lies inside the boundary of its neighbourhood.
        area = selectors.areas_holding(postcode).get(kind=Area.Kind.NEIGHBOURHOOD)
        positions = list(geojson.outer_positions(area.boundary))
        assert min(p[0] for p in positions) < longitude < max(p[0] for p in positions)
        assert min(p[1] for p in positions) < latitude < max(p[1] for p in positions)
    assert all(geojson.geometry_problems(area.boundary) == [] for area in Area.objects.all())
    district = Area.objects.get(kind=Area.Kind.SCHOOL_DISTRICT)
    assert district.postcodes.count() == 15


def test_seeding_twice_adds_nothing(ctx):
    demo.seed(ctx)
    assert demo.seed(ctx) == ""
    assert Area.objects.count() == 8
