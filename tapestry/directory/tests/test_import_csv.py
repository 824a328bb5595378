"""Importing HSDS 3 CSV tables: a zip, loose files or a folder; all or nothing for the package."""

from __future__ import annotations

import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tapestry.directory.models import Location, Organization, Phone, Service
from tapestry.directory.services import directory_import
from tapestry.directory.tests.hsds_samples import CLINIC, ORG, PANTRY, csv_bytes, csv_tables, zip_bytes

pytestmark = pytest.mark.django_db


def test_a_zip_of_tables_is_imported_with_addresses_languages_phones_and_needs():
    report = directory_import(actor=None, files=[("harbour.zip", zip_bytes(csv_tables(), folder="hsds/"))])

    assert report.ok, report.problems
    assert report.created["services"] == 2 and report.created["locations"] == 2
    pantry = Service.objects.get(hsds_id=PANTRY)
    clinic = Service.objects.get(hsds_id=CLINIC)
    assert pantry.organization.hsds_id == uuid.UUID(ORG)
    assert pantry.languages == "Spanish"
    assert pantry.phones.get().number == "(555) 010-2000"
    assert pantry.service_at_locations.get().location.address_line == "12 Loom Avenue, Riverton, DC, 00808"
    assert list(clinic.needs.values_list("code", flat=True)) == ["housing-instability"]
    assert list(pantry.needs.all()) == []


def test_loose_csv_files_are_read_by_their_names():
    tables = csv_tables()
    files = [("services.csv", tables["services.csv"]), ("organizations.csv", tables["organizations.csv"])]

    report = directory_import(actor=None, files=files)

    assert report.ok, report.problems
    assert Service.objects.count() == 2 and Location.objects.count() == 0


def test_a_bad_row_in_any_table_stops_the_whole_package_and_names_file_row_and_field():
    tables = csv_tables()
    del tables["addresses.csv"], tables["service_at_locations.csv"]
    tables["locations.csv"] = csv_bytes(
        [
            {
                "id": str(uuid.uuid4()),
                "name": "Fine",
                "location_type": "physical",
                "latitude": "40.0",
                "longitude": "-75.0",
            },
            {
                "id": str(uuid.uuid4()),
                "name": "Far north",
                "location_type": "physical",
                "latitude": "north",
                "longitude": "-75.0",
            },
        ]
    )
    tables["phones.csv"] = csv_bytes(
        [{"id": str(uuid.uuid4()), "service_id": str(uuid.uuid4()), "number": ""}]
    )

    report = directory_import(actor=None, files=[("harbour.zip", zip_bytes(tables))])

    assert sorted((p.file, p.row, p.field, p.message) for p in report.problems) == [
        ("locations.csv", 3, "latitude", "Not a number: 'north'."),
        ("phones.csv", 2, "number", "This field is required."),
        ("phones.csv", 2, "service_id", "No row with this id in services.csv or in the directory."),
    ]
    assert Service.objects.count() == Organization.objects.count() == Phone.objects.count() == 0


def test_a_missing_column_is_reported_on_the_header_row():
    tables = {"services.csv": b"id,name\n" + str(uuid.uuid4()).encode() + b",Pantry\n"}

    report = directory_import(actor=None, files=[("services.csv", tables["services.csv"])])

    assert [(p.file, p.row, p.field) for p in report.problems] == [
        ("services.csv", 1, "organization_id, status")
    ]


def test_a_package_without_services_or_a_file_that_is_not_hsds_is_refused():
    no_services = directory_import(
        actor=None, files=[("x.zip", zip_bytes({"organizations.csv": b"id,name\n"}))]
    )
    not_hsds = directory_import(actor=None, files=[("directory.xlsx", b"PK")])

    assert no_services.problems[0].message == "The package has no services.csv."
    assert not_hsds.problems[0].message.startswith("Upload an HSDS JSON file")


def test_the_command_imports_a_folder_of_tables(tmp_path):
    for name, content in csv_tables().items():
        (tmp_path / name).write_bytes(content)
    out = StringIO()

    call_command("import_hsds", str(tmp_path), stdout=out)

    assert "imported 1 organizations (1 new, 0 updated); 2 services (2 new, 0 updated)" in out.getvalue()
    assert Service.objects.count() == 2


def test_the_command_lists_each_bad_row_and_stores_nothing(tmp_path):
    tables = csv_tables()
    tables["services.csv"] = csv_bytes(
        [{"id": PANTRY, "organization_id": ORG, "name": "", "status": "active"}]
    )
    path = tmp_path / "harbour.zip"
    path.write_bytes(zip_bytes(tables))
    err = StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(path), stderr=err)

    assert "services.csv, row 2, name: This field is required." in err.getvalue()
    assert Service.objects.count() == 0


def test_the_command_refuses_a_path_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="no file or folder"):
        call_command("import_hsds", str(tmp_path / "missing.json"))
