"""HSDS 3 CSV: the tables of a data package (services.csv, organizations.csv, locations.csv, ...)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Mapping
from typing import Any

from tapestry.directory.hsds.rows import (
    ADDRESS_FIELDS,
    LOCATION_TYPES,
    Collector,
    Dataset,
    Problem,
    Row,
    address_values,
    known_need_codes,
    location_values,
    need_codes,
    organization_values,
    phone_values,
    service_values,
)
from tapestry.directory.models import Location, Organization, Service

# The tables read from a CSV package, with the columns each must have; the others are optional.
CSV_TABLES: dict[str, tuple[str, ...]] = {
    "organizations.csv": ("id", "name"),
    "services.csv": ("id", "organization_id", "name", "status"),
    "locations.csv": ("id",),
    "addresses.csv": ("id", "location_id", "address_1", "city"),
    "service_at_locations.csv": ("id", "service_id", "location_id"),
    "phones.csv": ("id", "number"),
    "languages.csv": ("id", "service_id", "name"),
    "taxonomy_terms.csv": ("id", "code", "name"),
    "attributes.csv": ("id", "link_id", "link_entity", "taxonomy_term_id"),
}
# HSDS 3.0 names the link table service_at_location.csv in its data package; accept both.
CSV_ALIASES = {"service_at_location.csv": "service_at_locations.csv"}


def csv_table_name(filename: str) -> str | None:
    """The table a file holds, from its name (any folder in a zip is ignored), or None."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    base = CSV_ALIASES.get(base, base)
    return base if base in CSV_TABLES else None


def _csv_rows(dataset: Dataset, table: str, content: bytes) -> list[Row]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        dataset.problems.append(Problem(table, 0, "", "The file is not UTF-8 text."))
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in CSV_TABLES[table] if name not in header]
    if missing:
        dataset.problems.append(
            Problem(table, 1, ", ".join(missing), "Required column missing from the header.")
        )
        return []
    reader.fieldnames = header
    rows = []
    try:
        for number, record in enumerate(reader, start=2):
            if None in record:
                dataset.problems.append(
                    Problem(table, number, "", "This row has more values than the header has columns.")
                )
                continue
            rows.append(Row(dataset, table, number, record))
    except csv.Error as exc:
        dataset.problems.append(Problem(table, reader.line_num, "", f"Not valid CSV: {exc}."))
    return rows


def read_csv(name: str, files: Mapping[str, bytes]) -> Dataset:
    """An HSDS 3 CSV package: services.csv and any of the other tables, keyed by table name."""
    dataset = Dataset(source=name)
    if "services.csv" not in files:
        dataset.problems.append(Problem(name, 0, "", "The package has no services.csv."))
        return dataset
    tables = {table: _csv_rows(dataset, table, content) for table, content in files.items()}
    collector = Collector(dataset)
    for row in tables.get("organizations.csv", []):
        collector.add("organizations", row, *organization_values(row))
    service_rows: dict[uuid.UUID, Row] = {}
    for row in tables["services.csv"]:
        service_id, values = service_values(row)
        values["organization"] = row.uuid("organization_id")
        values["languages"] = ""
        if collector.add("services", row, service_id, values):
            service_rows[service_id] = row
    location_rows: dict[uuid.UUID, Row] = {}
    for row in tables.get("locations.csv", []):
        location_id, values = location_values(row)
        values["organization"] = row.uuid("organization_id", required=False)
        values.update(dict.fromkeys(ADDRESS_FIELDS, ""))
        if collector.add("locations", row, location_id, values):
            location_rows[location_id] = row
    references = _References(dataset)
    for hsds_id, values in dataset.services.items():
        references.need(
            service_rows[hsds_id], "organization_id", values["organization"], Organization, "organizations"
        )
    for hsds_id, values in dataset.locations.items():
        references.need(
            location_rows[hsds_id], "organization_id", values["organization"], Organization, "organizations"
        )
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
        _csv_phone(dataset, collector, references, row)
    _csv_languages(dataset, tables.get("languages.csv", []))
    _csv_attributes(dataset, tables.get("taxonomy_terms.csv", []), tables.get("attributes.csv", []))
    references.check()
    return dataset


class _References:
    """Collects ids that must name a row in the package or already in the directory, checked at once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.wanted: list[tuple[Row, str, uuid.UUID, type, str]] = []

    def need(self, row: Row, column: str, hsds_id: uuid.UUID | None, model: type, table: str) -> None:
        if hsds_id is not None and hsds_id not in getattr(self.dataset, table):
            self.wanted.append((row, column, hsds_id, model, table))

    def check(self) -> None:
        stored: dict[type, set[uuid.UUID]] = {}
        for model in {model for _, _, _, model, _ in self.wanted}:
            ids = [hsds_id for _, _, hsds_id, wanted_model, _ in self.wanted if wanted_model is model]
            stored[model] = set(model.objects.filter(hsds_id__in=ids).values_list("hsds_id", flat=True))
        for row, column, hsds_id, model, table in self.wanted:
            if hsds_id not in stored[model]:
                row.problem(column, f"No row with this id in {table}.csv or in the directory.")


def _csv_addresses(dataset: Dataset, rows: list[Row]) -> None:
    """Each location keeps its first physical address (or its first address, if none is physical)."""
    chosen: dict[uuid.UUID, tuple[bool, dict[str, Any]]] = {}
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
        if location_id not in chosen or (physical and not chosen[location_id][0]):
            chosen[location_id] = (physical, values)
    for location_id, (_, values) in chosen.items():
        dataset.locations[location_id].update(values)


def _csv_phone(dataset: Dataset, collector: Collector, references: _References, row: Row) -> None:
    phone_id, values = phone_values(row)
    links = {
        "service": row.uuid("service_id", required=False),
        "organization": row.uuid("organization_id", required=False),
        "location": row.uuid("location_id", required=False),
    }
    place_id = row.uuid("service_at_location_id", required=False)
    if place_id is not None:
        place = dataset.service_at_locations.get(place_id)
        if place is None:
            row.problem("service_at_location_id", "No row with this id in service_at_locations.csv.")
        else:
            links["service"] = links["service"] or place["service"]
            links["location"] = links["location"] or place["location"]
    if not any(links.values()) and place_id is None:
        row.problem("service_id", "Say whose number this is: a service_id, organization_id or location_id.")
    if collector.add("phones", row, phone_id, {**links, **values}):
        references.need(row, "service_id", links["service"], Service, "services")
        references.need(row, "organization_id", links["organization"], Organization, "organizations")
        references.need(row, "location_id", links["location"], Location, "locations")


def _csv_languages(dataset: Dataset, rows: list[Row]) -> None:
    for row in rows:
        row.uuid("id")
        service_id = row.uuid("service_id")
        language = row.text("name", 100, required=True)
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
            continue  # attributes of other tables say nothing about the needs a service meets
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
