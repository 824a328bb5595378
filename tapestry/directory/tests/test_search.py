"""Searching the directory: by need, by words, and by distance from a postcode or a point."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.directory import geo
from tapestry.directory.models import Service
from tapestry.directory.selectors import SearchCriteria, near_point, service_search
from tapestry.directory.tests.factories import LocationFactory, ServiceFactory, service_at
from tapestry.places.models import PostcodeCentroid
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

CENTRE = geo.Point(40.0, -75.0)


def names(hits) -> list[str]:
    return [hit.service.name for hit in hits]


def test_haversine_gives_great_circle_kilometres():
    assert geo.haversine_km(geo.Point(40.0, -75.0), geo.Point(41.0, -75.0)) == pytest.approx(111.19, abs=0.01)
    assert geo.haversine_km(CENTRE, CENTRE) == 0
    box = geo.bounding_box(CENTRE, 10)
    assert box.min_latitude < 40.0 - 0.089 and box.max_longitude > -75.0 + 0.117


def test_the_synthetic_postcode_table_is_loaded_around_the_demo_centre():
    assert PostcodeCentroid.objects.filter(postcode__range=("00801", "00830")).count() == 30
    point = near_point(postcode=" 00815 ")
    assert (point.latitude, point.longitude) == (40.0, -75.02)


def test_by_need(cast):
    service_at(40.0, -75.0, needs=("food-insecurity",), name="Pantry")
    service_at(40.0, -75.0, needs=("housing-instability",), name="Tenancy advice")
    service_at(40.0, -75.0, needs=("food-insecurity", "social-isolation"), name="Community meals")

    hits = service_search(user=cast.caseworker, criteria=SearchCriteria(need="food-insecurity"))

    assert names(hits) == ["Community meals", "Pantry"]


def test_by_words_in_name_description_or_organization(cast):
    service_at(40.0, -75.0, name="Harbour pantry", description="Weekly groceries")
    service_at(40.0, -75.0, name="Tenancy advice", description="Help with eviction notices")
    ServiceFactory(name="Job club", organization__name="Riverton Library")

    assert names(service_search(user=cast.caseworker, criteria=SearchCriteria(query="eviction"))) == [
        "Tenancy advice"
    ]
    assert names(
        service_search(user=cast.caseworker, criteria=SearchCriteria(query="GROCERIES harbour"))
    ) == ["Harbour pantry"]
    assert names(service_search(user=cast.caseworker, criteria=SearchCriteria(query="library"))) == [
        "Job club"
    ]


def test_by_distance_nearest_first_within_the_radius(cast):
    service_at(40.2, -75.0, name="Far")  # about 22 km north
    service_at(40.05, -75.0, name="Near")  # about 5.6 km
    service_at(40.0, -75.001, name="Here")
    service_at(41.0, -75.0, name="Out of range")  # about 111 km

    hits = service_search(user=cast.caseworker, criteria=SearchCriteria(near=CENTRE, radius_km=25))

    assert names(hits) == ["Here", "Near", "Far"]
    assert [round(hit.distance_km, 1) for hit in hits] == [0.1, 5.6, 22.2]
    assert names(
        service_search(user=cast.caseworker, criteria=SearchCriteria(near=CENTRE, radius_km=10))
    ) == [
        "Here",
        "Near",
    ]


def test_distance_is_to_the_nearest_location_of_a_service(cast):
    service = service_at(40.3, -75.0, name="Two sites")
    near = LocationFactory(latitude=40.01, longitude=-75.0)
    service.service_at_locations.create(hsds_id="7" * 8 + "-7777-4777-8777-" + "7" * 12, location=near)
    service_at(40.02, -75.0, name="One site")

    hits = service_search(user=cast.caseworker, criteria=SearchCriteria(near=CENTRE))

    assert names(hits) == ["Two sites", "One site"]
    assert hits[0].location == near


def test_criteria_combine_and_closed_or_virtual_services_are_left_out(cast):
    service_at(40.01, -75.0, needs=("food-insecurity",), name="Pantry nearby")
    service_at(40.15, -75.0, needs=("food-insecurity",), name="Pantry further")
    service_at(40.0, -75.0, needs=("housing-instability",), name="Housing nearby")
    service_at(40.0, -75.0, needs=("food-insecurity",), name="Defunct pantry", status=Service.Status.DEFUNCT)
    online = service_at(40.0, -75.0, needs=("food-insecurity",), name="Online pantry")
    online.service_at_locations.update(
        location=LocationFactory(location_type="virtual", latitude=40.0, longitude=-75.0)
    )

    hits = service_search(
        user=cast.caseworker, criteria=SearchCriteria(need="food-insecurity", query="pantry", near=CENTRE)
    )

    assert names(hits) == ["Pantry nearby", "Pantry further"]


def test_an_unknown_postcode_or_half_a_point_is_a_clear_error():
    with pytest.raises(ValidationError) as unknown:
        near_point(postcode="99999")
    with pytest.raises(ValidationError) as half:
        near_point(latitude=40.0)

    assert unknown.value.message_dict == {
        "near_postcode": ["We do not know where postcode 99999 is; try a nearby postcode."]
    }
    assert half.value.message_dict == {"near_lat": ["Give both a latitude and a longitude."]}


def test_searching_needs_a_role_that_sees_organisations(cast):
    with pytest.raises(PermissionDenied):
        service_search(user=cast["auditor"], criteria=SearchCriteria())


def test_the_search_page_shows_distances_and_needs(cast):
    service_at(40.0, -75.02, needs=("food-insecurity",), name="Harbour pantry")
    service_at(40.09, -75.02, needs=("food-insecurity",), name="Upriver pantry")

    page = client_for(cast["group_facilitator"]).get(
        reverse("directory:search"), {"need": "food-insecurity", "near_postcode": "00815"}
    )

    text = page.content.decode()
    assert page.status_code == 200
    assert "2 services found within 25 km of postcode 00815, nearest first." in text
    assert text.index("Harbour pantry") < text.index("Upriver pantry")
    assert "<td>0.0 km</td>" in text and "<td>10.0 km</td>" in text
    assert "Food insecurity" in text


def test_the_search_page_shows_errors_by_the_field(cast):
    page = client_for(cast.caseworker).get(reverse("directory:search"), {"near_postcode": "12345"})

    assert "We do not know where postcode 12345 is" in page.content.decode()
    assert 'id="id_near_postcode_error"' in page.content.decode()


def test_the_search_page_answers_htmx_with_the_results_only(cast):
    service_at(40.0, -75.0, name="Harbour pantry")

    page = client_for(cast.caseworker).get(
        reverse("directory:search"), {"q": "harbour"}, HTTP_HX_REQUEST="true"
    )

    assert "Harbour pantry" in page.content.decode()
    assert "<h1>" not in page.content.decode()


def test_the_service_page_shows_the_service_in_full(cast):
    service = service_at(
        40.0, -75.0, needs=("food-insecurity",), name="Harbour pantry", fees_description="Free."
    )

    page = client_for(cast["evaluator"]).get(reverse("directory:service_detail", args=[service.pk]))

    text = page.content.decode()
    assert "<h1>Harbour pantry</h1>" in text
    assert "Food insecurity (Z59.41)" in text
    assert "40.0000, -75.0000" in text
    assert (
        client_for(cast.caseworker).get(reverse("directory:service_detail", args=[999999])).status_code == 404
    )
