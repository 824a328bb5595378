"""HSDS 3 CSV: the tables of a data package (services.csv, organizations.csv, locations.csv, ...)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from tapestry.directory.hsds.rows import (
    ADDRESS_FIELDS,
    LOCATION_TYPES,
    NOT_KEPT,
    SERVICE_PARTS,
    Collector,
    Dataset,
    Problem,
    References,
    Row,
    address_values,
    known_need_codes,
    location_values,
    need_codes,
    organization_values,
    phone_values,
    schedule_values,
    service_values,
)
from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation

# The tables read from a CSV package, with the columns each must have; the others are optional.
CSV_TABLES: dict[str, tuple[str, ...]] = {
    "organizations.csv": ("id", "name"),
    "services.csv": ("id", "organization_id", "name", "status"),
    "locations.csv": ("id",),
    "addresses.csv": ("id", "location_id", "address_1", "city"),
    "service_at_locations.csv": ("id", "service_id", "location_id"),
    "phones.csv": ("id", "number"),
    "schedules.csv": ("id",),
    "service_areas.csv": ("id", "service_id"),
    "cost_options.csv": ("id", "service_id"),
    "required_documents.csv": ("id", "service_id"),
    "languages.csv": ("id", "name"),
    "taxonomy_terms.csv": ("id", "code", "name"),
    "attributes.csv": ("id", "link_id", "link_entity", "taxonomy_term_id"),
}
# HSDS 3.0 names the link table service_at_location.csv in its data package; accept both.
CSV_ALIASES = {"service_at_location.csv": "service_at_locations.csv"}
TABLE_NOT_READ = "Table not read: Tapestry has no place for these rows; the other tables were imported."
_SHORT = object()  # what DictReader fills in when a row has fewer values than the header


def csv_file_name(filename: str) -> str:
    """A file's name without any folder it sat in (a zip's folders are ignored)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].lower()


def csv_table_name(filename: str) -> str | None:
    """The table a file holds, from its name, or None if it is not a table Tapestry reads."""
    base = csv_file_name(filename)
    base = CSV_ALIASES.get(base, base)
    return base if base in CSV_TABLES else None


def _csv_rows(dataset: Dataset, table: str, content: bytes) -> list[Row]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        dataset.problems.append(Problem(table, 0, "", "The file is not UTF-8 text."))
        return []
    # strict: a file cut short inside a quoted value is an error, not a row with its last fields empty.
    reader = csv.DictReader(io.StringIO(text, newline=""), restval=_SHORT, strict=True)
    try:
        header = [name.strip() for name in reader.fieldnames or []]
    except csv.Error as exc:
        dataset.problems.append(Problem(table, 1, "", f"Not valid CSV: {exc}."))
        return []
    missing = [name for name in CSV_TABLES[table] if name not in header]
    if missing:
        dataset.problems.append(
            Problem(table, 1, ", ".join(missing), "Required column missing from the header.")
        )
        return []
    reader.fieldnames = header
    rows = []
    number = 1
    try:
        for number, record in enumerate(reader, start=2):
            if None in record:
                dataset.problems.append(
                    Problem(table, number, "", "This row has more values than the header has columns.")
                )
                continue
            if _SHORT in record.values():
                dataset.problems.append(
                    Problem(
                        table,
                        number,
                        "",
                        "This row has fewer values than the header has columns; the file may be cut short.",
                    )
                )
                continue
            rows.append(Row(dataset, table, number, record))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            message = (
                "The file ends inside a quoted value that starts on this row: it looks cut short. "
                "Nothing was imported; send the whole file."
            )
        else:
            message = f"Not valid CSV: {exc}."
        dataset.problems.append(Problem(table, number + 1, "", message))
    return rows


def read_csv(name: str, files: Mapping[str, bytes], unread: Sequence[str] = ()) -> Dataset:
    """An HSDS 3 CSV package: services.csv and any of the other tables, keyed by table name.

    `unread` names the package's other CSV files, which are reported as not kept.
    """
    dataset = Dataset(source=name)
    dataset.unkept.extend(Problem(filename, 0, "", TABLE_NOT_READ) for filename in unread)
    if "services.csv" not in files:
        dataset.problems.append(Problem(name, 0, "", "The package has no services.csv."))
        return dataset
    tables = {table: _csv_rows(dataset, table, content) for table, content in files.items()}
    if dataset.problems:
        # A table that is cut short or malformed is fixed first: checking the rows against it
        # would only add a problem for every row that points at a row it lost.
        dataset.rows.clear()
        return dataset
    collector = Collector(dataset)
    references = References(dataset)
    for row in tables.get("organizations.csv", []):
        collector.add("organizations", row, *organization_values(row))
    for row in tables["services.csv"]:
        service_id, values = service_values(row)
        values["organization"] = row.uuid("organization_id")
        values["languages"] = ""
        if collector.add("services", row, service_id, values):
            references.need(row, "organization_id", values["organization"], Organization, "organizations")
    for row in tables.get("locations.csv", []):
        location_id, values = location_values(row)
        values["organization"] = row.uuid("organization_id", required=False)
        values.update(dict.fromkeys(ADDRESS_FIELDS, ""))
        if collector.add("locations", row, location_id, values):
            references.need(row, "organization_id", values["organization"], Organization, "organizations")
    _csv_addresses(dataset, tables.get("addresses.csv", []))
    for row in tables.get("service_at_locations.csv", []):
        link_id = row.uuid("id")
        values = {
            "service": row.uuid("service_id"),
            "location": row.uuid("location_id"),
            "description": row.text("description"),
        }
        if collector.add("service_at_locations", row, link_id, values):
            references.need(row, "service_id", values["service"], Service, "services")
            references.need(row, "location_id", values["location"], Location, "locations")
    for row in tables.get("phones.csv", []):
        _csv_phone(collector, references, row)
    for row in tables.get("schedules.csv", []):
        _csv_schedule(collector, references, row)
    for table, read in SERVICE_PARTS.items():
        for row in tables.get(f"{table}.csv", []):
            item_id, values = read(row)
            values["service"] = row.uuid("service_id")
            if collector.add(table, row, item_id, values):
                references.need(row, "service_id", values["service"], Service, "services")
    _csv_languages(dataset, tables.get("languages.csv", []))
    _csv_attributes(dataset, tables.get("taxonomy_terms.csv", []), tables.get("attributes.csv", []))
    references.check("No row with this id in {table}.csv or in the directory.")
    _note_unkept_columns(dataset)
    return dataset


def _note_unkept_columns(dataset: Dataset) -> None:
    """Each column no reader used that holds a value on some row: once per table, with how many rows."""
    unused: dict[tuple[str, str], list[int]] = {}
    for row in dataset.rows:
        for name, value in row.data.items():
            if name not in row.used and value not in (None, ""):
                unused.setdefault((row.file, name), []).append(row.row)
    for (table, column), numbers in sorted(unused.items()):
        count = len(numbers)
        dataset.unkept.append(
            Problem(table, 0, column, f"{NOT_KEPT[:-1]} (a value on {count} row{'s' if count != 1 else ''}).")
        )
    dataset.rows.clear()


def _csv_addresses(dataset: Dataset, rows: list[Row]) -> None:
    """Each location keeps its first physical address (or its first address, if none is physical)."""
    chosen: dict[uuid.UUID, tuple[bool, Row, dict[str, Any]]] = {}
    candidates: list[Row] = []
    for row in rows:
        row.uuid("id")
        location_id = row.uuid("location_id")
        values = address_values(row)
        physical = row.choice("address_type", LOCATION_TYPES, default="physical") == "physical"
        if location_id is None:
            continue
        if location_id not in dataset.locations:
            row.problem("location_id", "No row with this id in locations.csv.")
            continue
        candidates.append(row)
        if location_id not in chosen or (physical and not chosen[location_id][0]):
            chosen[location_id] = (physical, row, values)
    kept = {id(row) for _, row, _ in chosen.values()}
    for row in candidates:
        if id(row) not in kept:
            row.unkept("id", "Not kept: a location keeps one address (its first physical one).")
    for location_id, (_, _, values) in chosen.items():
        dataset.locations[location_id].update(values)


# What a phone or schedule row may belong to: its id column, the model and the dataset's table.
OWNERS: dict[str, tuple[str, type, str]] = {
    "service": ("service_id", Service, "services"),
    "organization": ("organization_id", Organization, "organizations"),
    "location": ("location_id", Location, "locations"),
    "service_at_location": ("service_at_location_id", ServiceAtLocation, "service_at_locations"),
}


def _owner_links(row: Row, *owners: str) -> dict[str, uuid.UUID | None]:
    return {owner: row.uuid(OWNERS[owner][0], required=False) for owner in owners}


def _need_owners(references: References, row: Row, links: dict[str, uuid.UUID | None]) -> None:
    for owner, hsds_id in links.items():
        column, model, table = OWNERS[owner]
        references.need(row, column, hsds_id, model, table)


def _csv_phone(collector: Collector, references: References, row: Row) -> None:
    phone_id, values = phone_values(row)
    links = _owner_links(row, "service", "organization", "location", "service_at_location")
    if not any(links.values()):
        if row.raw("contact_id") is not None:
            row.unkept("contact_id", "Not kept: the number of a contact only (contacts are not kept).")
        else:
            row.problem(
                "service_id", "Say whose number this is: a service_id, organization_id or location_id."
            )
        return
    row.mark("contact_id")  # the contact is not kept, but the number is, with its other links
    if collector.link("phones", row, phone_id, values, links):
        _need_owners(references, row, links)


def _csv_schedule(collector: Collector, references: References, row: Row) -> None:
    schedule_id, values = schedule_values(row)
    links = _owner_links(row, "service", "location", "service_at_location")
    if not any(links.values()):
        row.problem(
            "service_id", "Say whose schedule this is: a service_id, location_id or service_at_location_id."
        )
        return
    if collector.link("schedules", row, schedule_id, values, links):
        _need_owners(references, row, links)


def _csv_languages(dataset: Dataset, rows: list[Row]) -> None:
    for row in rows:
        row.uuid("id")
        language = row.text("name", 100, required=True)
        if row.raw("service_id") is None:
            owner = "location_id" if row.raw("location_id") is not None else "phone_id"
            row.unkept(owner, "Not kept: Tapestry keeps the languages of a service only.")
            continue
        service_id = row.uuid("service_id")
        row.mark("location_id", "phone_id")
        if service_id is None or not language:
            continue
        service = dataset.services.get(service_id)
        if service is None:
            row.problem("service_id", "No row with this id in services.csv.")
            continue
        names = [n for n in service["languages"].split(", ") if n]
        if language not in names:
            joined = ", ".join([*names, language])
            if len(joined) > 255:
                row.problem("name", "Too many languages for this service (at most 255 characters in all).")
                continue
            service["languages"] = joined


def _csv_attributes(dataset: Dataset, term_rows: list[Row], attribute_rows: list[Row]) -> None:
    terms: dict[uuid.UUID, Mapping[str, Any]] = {}
    for row in term_rows:
        term_id = row.uuid("id")
        row.text("name", required=True)
        if term_id is not None:
            terms[term_id] = {"code": row.text("code"), "taxonomy": row.text("taxonomy")}
    known = known_need_codes() if attribute_rows else set()
    for row in attribute_rows:
        row.uuid("id")
        if row.text("link_entity").lower() != "service":
            # Attributes of other tables say nothing about the needs a service meets.
            row.unkept("link_entity", "Not kept: Tapestry reads the attributes of services only.")
            continue
        service_id = row.uuid("link_id")
        term_id = row.uuid("taxonomy_term_id")
        if service_id is None or term_id is None:
            continue
        if service_id not in dataset.services:
            row.problem("link_id", "No row with this id in services.csv.")
            continue
        if term_id not in terms:
            row.problem("taxonomy_term_id", "No row with this id in taxonomy_terms.csv.")
            continue
        codes = need_codes(row, [("taxonomy_term_id", terms[term_id])], known)
        dataset.service_needs.setdefault(service_id, [])
        dataset.service_needs[service_id] = sorted(set(dataset.service_needs[service_id]) | set(codes))
