"""The directory API: search with HSDS field names, open a service, import with per-row errors."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.directory.models import Service
from tapestry.directory.tests.factories import service_at
from tapestry.directory.tests.hsds_samples import (
    CLINIC,
    CLINIC_SITE,
    csv_tables,
    json_bytes,
    service_doc,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_search_by_need_and_postcode_lists_nearest_first_with_distance(cast):
    service_at(40.05, -75.02, needs=("food-insecurity",), name="Upriver pantry")
    service_at(40.0, -75.02, needs=("food-insecurity",), name="Harbour pantry", languages="English, Spanish")
    service_at(40.0, -75.02, needs=("housing-instability",), name="Tenancy advice")

    body = (
        api_client(cast.caseworker)
        .get(
            "/api/v1/directory/services",
            {"need": "food-insecurity", "near_postcode": "00815", "radius_km": 10},
        )
        .json()
    )

    assert body["count"] == 2
    first = body["items"][0]
    assert first["name"] == "Harbour pantry"
    assert first["distance_km"] == pytest.approx(0.0, abs=0.01)
    assert first["languages"] == ["English", "Spanish"]
    assert first["needs"] == [{"code": "food-insecurity", "label": "Food insecurity", "icd10": "Z59.41"}]
    assert set(first["nearest_location"]) >= {"hsds_id", "latitude", "longitude", "address_1", "postal_code"}
    assert body["items"][1]["distance_km"] == pytest.approx(5.56, abs=0.01)


def test_search_by_text_is_paginated_by_name(cast):
    for n in range(3):
        service_at(40.0, -75.0, name=f"Harbour service {n}")

    body = (
        api_client(cast["grants_officer"])
        .get("/api/v1/directory/services", {"q": "harbour", "page_size": 2})
        .json()
    )

    assert body["count"] == 3
    assert [item["name"] for item in body["items"]] == ["Harbour service 0", "Harbour service 1"]
    assert body["items"][0]["distance_km"] is None


def test_bad_search_input_is_a_400_with_the_field(cast):
    client = api_client(cast.caseworker)

    unknown_postcode = client.get("/api/v1/directory/services", {"near_postcode": "99999"})
    unknown_need = client.get("/api/v1/directory/services", {"need": "not-a-need"})
    bad_radius = client.get("/api/v1/directory/services", {"radius_km": -1})

    assert unknown_postcode.status_code == 400
    assert "near_postcode" in unknown_postcode.json()["errors"]
    assert unknown_need.status_code == 400
    assert unknown_need.json()["errors"] == {"need": ["There is no need with the code 'not-a-need'."]}
    assert bad_radius.status_code == 422


def test_open_a_service_with_hsds_field_names(cast):
    service = service_at(
        40.0, -75.0, needs=("food-insecurity",), name="Harbour pantry", fees_description="Free."
    )

    body = api_client(cast.caseworker).get(f"/api/v1/directory/services/{service.pk}").json()

    assert body["hsds_id"] == str(service.hsds_id)
    assert body["fees_description"] == "Free."
    assert body["organization"]["name"] == service.organization.name
    assert body["service_at_locations"][0]["location"]["latitude"] == 40.0
    assert api_client(cast.caseworker).get("/api/v1/directory/services/999999").status_code == 404


def test_import_json_by_upload(cast):
    upload = SimpleUploadedFile("services.json", json_bytes(service_doc()), content_type="application/json")

    response = api_client(cast["community_organiser"]).post("/api/v1/directory/import", {"files": upload})

    assert response.status_code == 201
    assert response.json()["created"]["services"] == 1
    assert Service.objects.get().name == "Harbour food pantry"


def test_import_csv_files_by_upload(cast):
    tables = csv_tables()
    uploads = [SimpleUploadedFile(name, content, content_type="text/csv") for name, content in tables.items()]

    response = api_client(cast.caseworker).post("/api/v1/directory/import", {"files": uploads})

    assert response.status_code == 201, response.json()
    assert Service.objects.count() == 2


def test_a_bad_import_is_a_400_listing_each_problem_and_storing_nothing(cast):
    bad = service_doc(CLINIC, "Harbour counselling", location_id=CLINIC_SITE, status="sometimes")
    upload = SimpleUploadedFile("services.json", json_bytes(service_doc(), bad))

    response = api_client(cast.caseworker).post("/api/v1/directory/import", {"files": upload})

    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == "services.json: nothing was imported; 1 problem to fix."
    assert body["problems"] == [
        {
            "file": "services.json",
            "row": 2,
            "field": "status",
            "message": "'sometimes' is not one of: active, inactive, defunct, temporarily closed.",
        }
    ]
    assert body["errors"] == {"services.json row 2": [f"status: {body['problems'][0]['message']}"]}
    assert Service.objects.count() == 0


def test_importing_needs_a_role_that_changes_organisations(cast):
    upload = SimpleUploadedFile("h.zip", zip_bytes(csv_tables()))

    response = api_client(cast["evaluator"]).post("/api/v1/directory/import", {"files": upload})

    assert response.status_code == 403
    assert Service.objects.count() == 0
