"""The places API: list and open areas, add and change them, import boundaries, cases by area."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.places.models import Area
from tapestry.places.tests.support import POINT, SQUARE, collection, feature, make_area

pytestmark = pytest.mark.django_db
K = Area.Kind


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_areas_are_listed_by_kind_and_by_a_postcode_they_hold(cast):
    county = make_area(K.COUNTY, "C1", "County")
    make_area(K.NEIGHBOURHOOD, "N1", "North", parent=county, postcodes=("00801",))
    make_area(K.NEIGHBOURHOOD, "N2", "South", postcodes=("00802",))
    client = api_client(cast.caseworker)

    neighbourhoods = client.get("/api/v1/places/areas", {"kind": "neighbourhood"}).json()
    holding = client.get("/api/v1/places/areas", {"postcode": "00802"}).json()

    assert [item["code"] for item in neighbourhoods["items"]] == ["N1", "N2"]
    first = neighbourhoods["items"][0]
    assert first["parent"] == {"id": county.pk, "kind": "county", "code": "C1", "name": "County"}
    assert (
        first["kind_label"] == "Neighbourhood"
        and first["postcode_count"] == 1
        and first["has_boundary"] is False
    )
    assert [item["code"] for item in holding["items"]] == ["N2"]


def test_an_area_is_added_opened_and_changed(cast):
    client = api_client(cast.by_role["community_organiser"])
    county = make_area(K.COUNTY, "C1", "County")

    answer = client.post(
        "/api/v1/places/areas",
        {
            "kind": "neighbourhood",
            "code": "N1",
            "name": "North",
            "parent_id": county.pk,
            "postcodes": ["00801"],
            "boundary": SQUARE,
        },
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content
    area = answer.json()
    assert area["boundary"] == SQUARE and area["postcodes"] == ["00801"] and area["version"] == 1
    assert client.get(f"/api/v1/places/areas/{county.pk}").json()["postcodes"] == ["00801"]

    changed = client.patch(
        f"/api/v1/places/areas/{area['id']}",
        {"version": 1, "name": "North side", "parent_id": None},
        content_type="application/json",
    )
    assert (
        changed.status_code == 200
        and changed.json()["name"] == "North side"
        and changed.json()["parent"] is None
    )
    stale = client.patch(
        f"/api/v1/places/areas/{area['id']}", {"version": 1, "name": "Late"}, content_type="application/json"
    )
    assert stale.status_code == 409 and "detail" in stale.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "neighbourhood", "code": "N1", "name": "Again"}, "code"),
        ({"kind": "neighbourhood", "code": "N9", "name": "Pointy", "boundary": POINT}, "boundary"),
        ({"kind": "neighbourhood", "code": "N9", "name": "Lost", "parent_id": 999999}, "parent_id"),
    ],
)
def test_a_bad_area_is_a_4xx_naming_the_field(cast, body, field):
    make_area(K.NEIGHBOURHOOD, "N1", "North")
    answer = api_client(cast.by_role["evaluator"]).post(
        "/api/v1/places/areas", body, content_type="application/json"
    )
    assert answer.status_code in (400, 422)
    assert field in answer.json()["errors"]


def test_a_loop_is_refused_through_the_api(cast):
    county = make_area(K.COUNTY, "C1", "County")
    town = make_area(K.NEIGHBOURHOOD, "T", "Town", parent=county)
    answer = api_client(cast.by_role["evaluator"]).patch(
        f"/api/v1/places/areas/{county.pk}",
        {"version": 1, "parent_id": town.pk},
        content_type="application/json",
    )
    assert answer.status_code == 400 and "parent" in answer.json()["errors"]


def test_boundaries_are_imported_from_a_file_or_refused_feature_by_feature(cast):
    client = api_client(cast.by_role["program_manager"])
    good = SimpleUploadedFile("good.geojson", collection(feature(SQUARE, code="N1", name="North")))
    bad = SimpleUploadedFile(
        "bad.geojson",
        collection(feature(SQUARE, code="N2", name="Fine"), feature(POINT, code="N3", name="Point")),
    )

    done = client.post("/api/v1/places/boundary-imports", {"file": good, "kind": "custom"})
    refused = client.post("/api/v1/places/boundary-imports", {"file": bad})

    assert done.status_code == 201 and done.json()["created"] == ["North"]
    assert Area.objects.get(code="N1").kind == K.CUSTOM
    assert refused.status_code == 400
    body = refused.json()
    assert list(body["errors"]) == ["feature 2"] and body["problems"][0]["feature"] == 2
    assert body["problems"][0]["field"] == "geometry"
    assert not Area.objects.filter(code="N2").exists()


def test_cases_by_area_come_suppressed(cast):
    make_area(K.NEIGHBOURHOOD, "N1", "North", postcodes=("00801",))
    body = api_client(cast.by_role["evaluator"]).get("/api/v1/places/case-map").json()
    assert body["kind"] == "neighbourhood" and body["title"] == "Cases by area"
    assert {"label": "North (N1)", "value": 0} in body["cells"]
    assert json.dumps(body).count('"value"') == len(body["cells"]) + 1
