"""What the HSDS 3.0 import keeps is shown: on the service page, in the API, and in the import report."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tapestry.directory.models import Service
from tapestry.directory.services import directory_import
from tapestry.directory.tests.test_directory_api import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

FULL_SERVICE = Path(__file__).parent / "fixtures" / "service_full.json"


def imported_service() -> Service:
    report = directory_import(actor=None, files=[("service_full.json", FULL_SERVICE.read_bytes())])
    assert report.ok, report.problems
    return Service.objects.get()


def test_the_service_page_shows_ages_costs_documents_area_hours_and_the_organizations_locations(cast):
    service = imported_service()

    text = (
        client_for(cast.caseworker)
        .get(reverse("directory:service_detail", args=[service.pk]))
        .content.decode()
    )

    assert "Aged 12 to 99" in text
    assert "Under 18s and over 65s: 15.00 USD per one-hour session" in text
    assert "Proof of address in Demo County (a letter or bill)." in text
    assert "Demo County" in text and "Everyone living in Demo County" in text
    assert "TU,TH 09:30 to 16:00" in text
    assert "Harbour Wellbeing head office (2 Quay Street, Riverton, DC, 00803)" in text
    assert "(555) 014-3300 ext. 21" in text


def test_the_api_gives_the_same_facts_with_hsds_field_names(cast):
    service = imported_service()

    body = api_client(cast.caseworker).get(f"/api/v1/directory/services/{service.pk}").json()

    assert (body["minimum_age"], body["maximum_age"]) == (12, 99)
    assert body["schedules"][0]["byday"] == "TU,TH"
    assert body["schedules"][0]["opens_at"] == "09:30:00"
    assert body["service_areas"][0]["extent_type"] == "geojson"
    assert body["cost_options"][0]["currency"] == "USD"
    assert float(body["cost_options"][0]["amount"]) == 15.0
    assert body["required_documents"][0]["uri"] == "https://example.org/documents"
    assert {location["name"] for location in body["organization_locations"]} == {
        "Willow Row Community Hub",
        "Harbour Wellbeing head office",
    }
    place = body["service_at_locations"][0]
    assert place["phones"][0]["number"] == "(555) 014-3300"
    assert place["schedules"][0]["closes_at"] == "16:00:00"


def test_an_api_import_lists_what_was_not_kept(cast):
    upload = SimpleUploadedFile(
        "service_full.json", FULL_SERVICE.read_bytes(), content_type="application/json"
    )

    response = api_client(cast.caseworker).post("/api/v1/directory/import", {"files": upload})

    assert response.status_code == 201
    unkept = response.json()["unkept"]
    assert {
        "file": "service_full.json",
        "row": 1,
        "field": "wait_time",
        "message": "Not kept: Tapestry has no place for this field.",
    } in unkept
    assert "minimum_age" not in {note["field"] for note in unkept}


def test_the_import_page_shows_a_table_of_what_was_not_kept(cast):
    upload = SimpleUploadedFile("service_full.json", FULL_SERVICE.read_bytes())

    page = client_for(cast["program_manager"]).post(reverse("directory:import"), {"files": upload})

    text = page.content.decode()
    assert page.status_code == 200
    assert "Not kept from service_full.json" in text
    assert "<td>service_full.json</td><td>1</td><td>organization.tax_status</td>" in text
