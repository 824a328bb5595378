"""Importing HSDS 3 JSON: every row checked first, all or nothing per file, re-imports update."""

from __future__ import annotations

import json
import uuid

import pytest

from tapestry.access.models import AuditEntry
from tapestry.directory.hsds import service_document
from tapestry.directory.models import Location, Organization, Phone, Service, ServiceAtLocation, ServiceNeed
from tapestry.directory.services import directory_import
from tapestry.directory.tests.hsds_samples import CLINIC, CLINIC_SITE, json_bytes, need_attribute, service_doc

pytestmark = pytest.mark.django_db


def import_json(*services: dict, actor=None):
    return directory_import(actor=actor, files=[("services.json", json_bytes(*services))])


def test_a_valid_file_stores_services_with_their_organization_locations_phones_and_needs(cast):
    report = import_json(
        service_doc(),
        service_doc(CLINIC, "Harbour counselling", needs=("mental-health",), location_id=CLINIC_SITE),
        actor=cast.caseworker,
    )

    assert report.ok, report.problems
    assert report.created == {
        "organizations": 1,
        "services": 2,
        "locations": 2,
        "service_at_locations": 2,
        "phones": 2,
    }
    pantry = Service.objects.get(name="Harbour food pantry")
    assert pantry.organization.name == "Harbour Mutual Aid"
    assert pantry.languages == "English, Spanish"
    assert pantry.fees_description == "Free."
    assert [need.code for need in pantry.needs.all()] == ["food-insecurity"]
    location = pantry.service_at_locations.get().location
    assert (location.latitude, location.longitude, location.postal_code) == (40.01, -75.01, "00808")
    assert location.address_line == "12 Loom Avenue, Riverton, DC, 00808"
    assert pantry.phones.get().number == "(555) 010-2000"
    entry = AuditEntry.objects.get(object_type="directory.import")
    assert entry.actor == cast.caseworker
    assert "2 services (2 new, 0 updated)" in entry.purpose


def test_importing_the_same_file_again_updates_instead_of_duplicating():
    import_json(service_doc())
    report = import_json(
        service_doc(name="Harbour food pantry (renamed)", needs=("food-insecurity", "material-hardship"))
    )

    assert report.ok
    assert report.created["services"] == 0 and report.updated["services"] == 1
    assert Service.objects.get().name == "Harbour food pantry (renamed)"
    assert sorted(Service.objects.get().needs.values_list("code", flat=True)) == [
        "food-insecurity",
        "material-hardship",
    ]
    assert (Organization.objects.count(), Location.objects.count(), Phone.objects.count()) == (1, 1, 1)


def test_a_bad_row_is_reported_with_file_row_and_field_and_nothing_is_stored():
    bad = service_doc(
        CLINIC, "Harbour counselling", location_id=CLINIC_SITE, latitude=123.0, email="not-an-email"
    )
    bad["status"] = "open sometimes"

    report = import_json(service_doc(), bad)

    assert not report.ok
    problems = {(p.file, p.row, p.field) for p in report.problems}
    assert problems == {
        ("services.json", 2, "status"),
        ("services.json", 2, "email"),
        ("services.json", 2, "service_at_locations[0].location.latitude"),
    }
    latitude = next(p for p in report.problems if p.field.endswith("latitude"))
    assert latitude.message == "Must be between -90 and 90 degrees."
    assert "services.json, row 2, status: 'open sometimes' is not one of" in str(
        next(p for p in report.problems if p.field == "status")
    )
    # The good first row was not stored either: all or nothing per file.
    assert Service.objects.count() == Organization.objects.count() == Location.objects.count() == 0
    assert not AuditEntry.objects.filter(object_type="directory.import").exists()


def test_missing_required_fields_and_bad_ids_are_each_reported():
    doc = service_doc()
    doc["id"] = "not-a-uuid"
    del doc["name"]
    doc["organization"] = {"id": str(uuid.uuid4())}

    report = import_json(doc)

    assert [(p.row, p.field, p.message) for p in report.problems] == [
        (1, "id", "Not a UUID: 'not-a-uuid'."),
        (1, "name", "This field is required."),
        (1, "organization.name", "This field is required."),
    ]


def test_an_unknown_need_code_in_the_agency_taxonomy_is_a_problem_but_other_taxonomies_are_ignored():
    doc = service_doc(needs=())
    doc["attributes"] = [
        need_attribute(doc["id"], "no-such-need"),
        need_attribute(doc["id"], "BD-1800", "AIRS"),
    ]

    report = import_json(doc)

    assert [(p.field, p.message) for p in report.problems] == [
        ("attributes[0].taxonomy_term.code", "'no-such-need' is not a need code of this agency's taxonomy.")
    ]


def test_the_same_service_id_twice_is_refused():
    report = import_json(service_doc(), service_doc())

    assert [(p.row, p.field) for p in report.problems] == [(2, "id")]
    assert "first used on row 1" in report.problems[0].message


def test_a_file_that_is_not_json_is_refused_as_a_whole():
    report = directory_import(actor=None, files=[("services.json", b"{not json")])

    assert [(p.file, p.row) for p in report.problems] == [("services.json", 0)]
    assert report.problems[0].message.startswith("Not valid JSON")


def test_a_service_may_point_at_an_organization_already_in_the_directory():
    import_json(service_doc())
    doc = service_doc(CLINIC, "Harbour counselling", location_id=CLINIC_SITE)
    doc["organization_id"] = doc.pop("organization")["id"]
    missing = service_doc(str(uuid.uuid4()), "Orphan service", location_id=str(uuid.uuid4()))
    missing["organization_id"] = str(uuid.uuid4())
    del missing["organization"]

    assert import_json(doc).ok
    report = import_json(missing)

    assert [(p.field, p.message) for p in report.problems] == [
        ("organization_id", "No organization with this id in the file or the directory.")
    ]


def test_an_export_imports_back_unchanged():
    import_json(
        service_doc(),
        service_doc(CLINIC, "Harbour counselling", needs=("mental-health",), location_id=CLINIC_SITE),
    )
    services = Service.objects.select_related("organization").prefetch_related(
        "needs", "phones", "service_at_locations__location"
    )
    exported = [service_document(service) for service in services]

    report = directory_import(actor=None, files=[("export.json", json.dumps(exported).encode())])

    assert report.ok, report.problems
    assert report.created["services"] == 0 and report.updated["services"] == 2
    assert ServiceNeed.objects.count() == 2 and ServiceAtLocation.objects.count() == 2
