"""Importing the HSDS 3.0 object types of the specification's examples, and reporting what is not kept.

The fixtures in tests/fixtures/ are synthetic documents in the shape of the Open Referral
specification's examples (examples/service_full.json, organization_full.json,
service_at_location_full.json, location.json and the tabular package examples/csv/).
"""

from __future__ import annotations

import datetime
import json
import shutil
import uuid
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tapestry.access.models import AuditEntry
from tapestry.directory.hsds import service_document
from tapestry.directory.models import (
    CostOption,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from tapestry.directory.selectors import services_for_export
from tapestry.directory.services import directory_import
from tapestry.directory.tests.hsds_samples import zip_bytes

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
TABULAR = FIXTURES / "tabular"
ORG = uuid.UUID("63cf5e3e-c781-51ba-b898-a12a206d1737")
SERVICE = uuid.UUID("16feac71-93c9-58fd-b2ba-c50ad175dc67")
LOCATION = uuid.UUID("9e04872a-f194-537c-94e4-f544dc89496b")
HEAD_OFFICE = uuid.UUID("edb7e0ab-bbe0-5db7-bfea-7bd1bcc8db42")
SERVICE_AT_LOCATION = uuid.UUID("79567b02-d555-5a1a-bf86-eb163471acdc")
PHONE = uuid.UUID("603c3f06-4005-5d74-92a4-7f65fe11aa48")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def import_fixture(name: str):
    report = directory_import(actor=None, files=[(name, fixture(name))])
    assert report.ok, report.problems
    return report


def tabular_files() -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(TABULAR.iterdir())]


def unkept_fields(report) -> set[str]:
    return {note.field for note in report.unkept}


def stored_counts() -> dict[str, int]:
    models = (
        Organization,
        Service,
        Location,
        ServiceAtLocation,
        Phone,
        Schedule,
        ServiceArea,
        CostOption,
        RequiredDocument,
    )
    return {model.__name__: model.objects.count() for model in models}


def assert_nothing_stored() -> None:
    assert set(stored_counts().values()) == {0}
    assert not AuditEntry.objects.filter(object_type="directory.import").exists()


def assert_full_service_kept() -> None:
    """The facts of the full service, as the directory keeps them, whichever file carried them."""
    service = Service.objects.get(hsds_id=SERVICE)
    assert (service.name, service.alternate_name, service.status) == (
        "Harbour Counselling",
        "Talk It Through",
        "active",
    )
    assert (service.minimum_age, service.maximum_age, service.age_range) == (12, 99, "Aged 12 to 99")
    assert service.eligibility_description == "Residents of Demo County aged 12 and over."
    assert service.languages == "Portuguese"
    assert [need.code for need in service.needs.all()] == ["mental-health"]
    assert service.organization.hsds_id == ORG
    area = service.service_areas.get()
    assert (area.name, area.extent_type) == ("Demo County", "geojson")
    cost = service.cost_options.get()
    assert (cost.option, cost.currency, cost.amount, cost.amount_description) == (
        "Under 18s and over 65s",
        "USD",
        Decimal("15.00"),
        "per one-hour session",
    )
    assert (cost.valid_from, cost.valid_to) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    document = service.required_documents.get()
    assert document.document == "Proof of address in Demo County (a letter or bill)."
    schedule = service.schedules.get()
    assert (schedule.freq, schedule.interval, schedule.byday) == ("WEEKLY", 1, "TU,TH")
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(9, 30), datetime.time(16, 0))
    assert schedule.attending_type == "In person or by video call"
    place = service.service_at_locations.get()
    assert place.hsds_id == SERVICE_AT_LOCATION
    assert place.location.hsds_id == LOCATION
    assert place.location.address_line == "40 Willow Row, Unit 3, Riverton, DC, 00812"
    assert place.location.organization.hsds_id == ORG
    # The organization's own locations: the hub where the service runs and its head office.
    assert set(service.organization.locations.values_list("hsds_id", flat=True)) == {LOCATION, HEAD_OFFICE}


def assert_phone_keeps_every_link() -> None:
    """One HSDS phone listed under the service, its organization, location and service at location."""
    phone = Phone.objects.get(hsds_id=PHONE)
    assert (phone.service.hsds_id, phone.organization.hsds_id, phone.location.hsds_id) == (
        SERVICE,
        ORG,
        LOCATION,
    )
    assert phone.service_at_location.hsds_id == SERVICE_AT_LOCATION
    assert (phone.number, phone.extension, phone.type) == ("(555) 014-3300", "21", "voice")
    schedule = Schedule.objects.get()
    assert (schedule.service.hsds_id, schedule.location.hsds_id) == (SERVICE, LOCATION)
    assert schedule.service_at_location.hsds_id == SERVICE_AT_LOCATION


# Each object type of the specification's examples ------------------------------------------------


def test_a_full_service_imports_with_everything_the_directory_keeps():
    report = import_fixture("service_full.json")

    assert report.created == {
        "organizations": 1,
        "services": 1,
        "locations": 2,
        "service_at_locations": 1,
        "phones": 2,
        "schedules": 1,
        "service_areas": 1,
        "cost_options": 1,
        "required_documents": 1,
    }
    assert_full_service_kept()
    assert_phone_keeps_every_link()


def test_an_organization_file_is_read_as_an_organization_with_its_locations_and_services():
    report = import_fixture("organization_full.json")

    organization = Organization.objects.get()
    assert (organization.hsds_id, organization.name, organization.website) == (
        ORG,
        "Harbour Wellbeing Trust",
        "https://example.org",
    )
    assert report.created["services"] == 1
    assert_full_service_kept()
    assert_phone_keeps_every_link()
    head_office = Location.objects.get(hsds_id=HEAD_OFFICE)
    assert (head_office.location_type, head_office.address_line) == (
        "postal",
        "2 Quay Street, Riverton, DC, 00803",
    )
    assert head_office.phones.get().type == "fax"


def test_a_service_at_location_file_is_read_as_a_link_with_its_service_and_location():
    import_fixture("service_at_location_full.json")

    assert_full_service_kept()
    assert_phone_keeps_every_link()


def test_a_location_file_is_read_as_a_location():
    report = import_fixture("location_full.json")

    location = Location.objects.get()
    assert (location.hsds_id, location.name, location.organization) == (
        LOCATION,
        "Willow Row Community Hub",
        None,
    )
    assert (location.latitude, location.longitude) == (40.021, -75.012)
    assert location.address_line == "40 Willow Row, Unit 3, Riverton, DC, 00812"
    assert location.phones.get().number == "(555) 014-3300"
    assert location.schedules.get().byday == "TU,TH"
    assert "services" not in report.created


def test_a_list_page_of_mixed_objects_reads_each_as_its_kind():
    page = {
        "total_items": 2,
        "contents": [json.loads(fixture("location_full.json")), json.loads(fixture("service_full.json"))],
    }

    report = directory_import(actor=None, files=[("page.json", json.dumps(page).encode())])

    assert report.ok, report.problems
    assert_full_service_kept()


def test_an_organization_without_its_name_gets_a_message_about_the_organization():
    document = json.loads(fixture("organization_full.json"))
    del document["name"], document["services"]

    report = directory_import(actor=None, files=[("organization_full.json", json.dumps(document).encode())])

    assert [(p.row, p.field, p.message) for p in report.problems] == [(1, "name", "This field is required.")]
    assert_nothing_stored()


# What is not kept is reported ----------------------------------------------------------------------


def test_the_report_lists_each_field_not_kept_by_object_and_none_that_are_kept():
    report = import_fixture("service_full.json")

    fields = unkept_fields(report)
    assert {
        "wait_time",
        "alert",
        "interpretation_services",
        "funding",
        "program",
        "contacts",
        "metadata",
        "organization.tax_status",
        "organization.contacts",
        "schedules[0].dtstart",
        "schedules[0].wkst",
        "phones[0].languages",
        "service_at_locations[0].location.accessibility",
        "service_at_locations[0].location.transportation",
        "service_at_locations[0].location.addresses[1]",
        "service_at_locations[0].contacts",
        "attributes[0].taxonomy_term.code",
    } <= fields
    kept = {
        "name",
        "minimum_age",
        "maximum_age",
        "cost_options",
        "service_areas",
        "required_documents",
        "schedules",
        "schedules[0].byday",
        "organization.locations",
        "service_at_locations[0].location.latitude",
        "attributes[1].taxonomy_term.code",
    }
    assert not fields & kept
    assert all((note.file, note.row) == ("service_full.json", 1) for note in report.unkept)
    assert report.summary().endswith(f"{len(report.unkept)} fields or tables not kept.")


def test_a_tabular_package_reports_unread_tables_and_unkept_columns_and_imports_the_rest():
    report = directory_import(actor=None, files=[("package.zip", zip_bytes(dict(tabular_files())))])

    assert report.ok, report.problems
    tables = {note.file for note in report.unkept if not note.field}
    assert {"contacts.csv", "funding.csv", "programs.csv", "accessibility.csv"} <= tables
    columns = {(note.file, note.field) for note in report.unkept if note.row == 0 and note.field}
    assert {
        ("services.csv", "wait_time"),
        ("schedules.csv", "dtstart"),
        ("locations.csv", "transportation"),
    } <= columns
    assert ("services.csv", "minimum_age") not in columns
    assert_full_service_kept()
    assert_phone_keeps_every_link()


def test_a_folder_and_a_zip_of_the_same_tables_import_the_same(tmp_path):
    folder = tmp_path / "tabular"
    shutil.copytree(TABULAR, folder)
    out = StringIO()

    call_command("import_hsds", str(folder), stdout=out)

    from_folder = stored_counts()
    assert "contacts.csv: Table not read" in out.getvalue()
    assert "services.csv, wait_time: Not kept" in out.getvalue()
    for model in (Phone, Schedule, Service, Location, Organization):
        model.objects.all().delete()
    assert set(stored_counts().values()) == {0}
    zipped = directory_import(actor=None, files=[("package.zip", zip_bytes(dict(tabular_files()), "hsds/"))])
    assert zipped.ok, zipped.problems
    assert stored_counts() == from_folder
    loose = directory_import(actor=None, files=tabular_files())
    assert {str(note) for note in loose.unkept} == {str(note) for note in zipped.unkept}


# Phones and schedules listed in many places ----------------------------------------------------------


def test_a_phone_repeated_under_service_organization_and_location_keeps_every_link():
    import_fixture("service_full.json")

    assert Phone.objects.count() == 2
    assert_phone_keeps_every_link()


def test_a_phone_repeated_with_the_organization_listed_first_is_not_refused():
    document = json.loads(fixture("service_full.json"))
    # The organization (and so its copy of the phone) is read first when it comes first.
    reordered = {"organization": document.pop("organization"), **document}

    report = directory_import(actor=None, files=[("service.json", json.dumps(reordered).encode())])

    assert report.ok, report.problems
    assert_phone_keeps_every_link()


def test_one_phone_under_two_different_services_is_a_problem():
    first = json.loads(fixture("service_full.json"))
    second = json.loads(fixture("service_full.json"))
    second["id"] = str(uuid.uuid4())
    second["service_at_locations"] = []
    second["schedules"] = []
    for table in ("service_areas", "cost_options", "required_documents"):
        second[table] = []

    report = directory_import(actor=None, files=[("services.json", json.dumps([first, second]).encode())])

    assert [(p.row, p.field) for p in report.problems] == [(2, "phones[0].id")]
    assert "HSDS gives it one service_id" in report.problems[0].message
    assert_nothing_stored()


# Truncated input is refused ------------------------------------------------------------------------


def test_a_csv_cut_inside_a_quoted_value_is_refused_and_nothing_is_stored():
    files = dict(tabular_files())
    services = files["services.csv"].decode()
    # Cut inside application_process, a quoted value after every required field of the row.
    files["services.csv"] = services[: services.index('"Ask your doctor') + 10].encode()

    report = directory_import(actor=None, files=[("package.zip", zip_bytes(files))])

    assert [(p.file, p.row) for p in report.problems] == [("services.csv", 2)]
    assert "looks cut short" in report.problems[0].message
    assert_nothing_stored()


def test_a_csv_whose_last_row_stops_early_is_refused():
    files = dict(tabular_files())
    services = files["services.csv"].decode().rstrip("\n")
    files["services.csv"] = services.rsplit(",", 5)[0].encode()

    report = directory_import(actor=None, files=list(files.items()))

    assert [(p.file, p.row) for p in report.problems] == [("services.csv", 2)]
    assert "fewer values than the header" in report.problems[0].message
    assert_nothing_stored()


def test_a_json_document_cut_short_is_refused_with_where_it_stops():
    content = fixture("service_full.json")

    report = directory_import(actor=None, files=[("service_full.json", content[: len(content) // 2])])

    assert [(p.file, p.row) for p in report.problems] == [("service_full.json", 0)]
    assert report.problems[0].message.startswith("Not valid JSON")
    assert "cut short" in report.problems[0].message
    assert_nothing_stored()


def test_a_bad_schedule_stops_the_whole_file():
    document = json.loads(fixture("service_full.json"))
    document["schedules"][0]["opens_at"] = "half past nine"
    document["cost_options"][0]["amount"] = "fifteen"

    report = directory_import(actor=None, files=[("service.json", json.dumps(document).encode())])

    assert {(p.field, p.message) for p in report.problems} == {
        ("schedules[0].opens_at", "Not a time of day (HH:MM or HH:MM:SS): 'half past nine'."),
        ("cost_options[0].amount", "Not a number: 'fifteen'."),
    }
    assert_nothing_stored()


def test_the_command_refuses_a_cut_csv_folder(tmp_path):
    folder = tmp_path / "tabular"
    shutil.copytree(TABULAR, folder)
    schedules = (folder / "schedules.csv").read_text()
    (folder / "schedules.csv").write_text(schedules[: schedules.index('"TU,TH') + 4])
    err = StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(folder), stderr=err)

    assert "schedules.csv, row 2: The file ends inside a quoted value" in err.getvalue()
    assert_nothing_stored()


# Round trip --------------------------------------------------------------------------------------


def test_an_export_of_the_full_service_imports_back_unchanged():
    import_fixture("service_full.json")
    exported = [service_document(service) for service in services_for_export()]

    report = directory_import(actor=None, files=[("export.json", json.dumps(exported).encode())])

    assert report.ok, report.problems
    assert report.created == dict.fromkeys(report.created, 0)
    assert report.unkept == []
    assert_full_service_kept()
    assert_phone_keeps_every_link()
