"""HSDS 3 JSON: services, organizations, services at locations and locations, with what they nest.

A file holds one object, a list of them, or an HSDS API page (`{"contents": [...]}`); each object
is read as the kind it is (see `object_kind`), so an organization file is not mistaken for a service.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from tapestry.directory.hsds.rows import (
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
from tapestry.directory.models import Location, Organization, Service

# Fields only one kind of HSDS 3.0 object has (its schema's required field first).
SERVICE_FIELDS = {
    "status",
    "organization",
    "service_at_locations",
    "eligibility_description",
    "fees_description",
    "application_process",
    "minimum_age",
    "maximum_age",
    "service_areas",
    "cost_options",
    "required_documents",
    "program_id",
    "program",
    "wait_time",
    "interpretation_services",
}
SERVICE_AT_LOCATION_FIELDS = {"service", "service_id", "location", "location_id"}
LOCATION_FIELDS = {"location_type", "addresses", "latitude", "longitude", "transportation", "accessibility"}
# Rows one HSDS object may share with others: how each is read, and what may own it.
SHARED = {
    "phones": (phone_values, ("service", "organization", "location", "service_at_location")),
    "schedules": (schedule_values, ("service", "location", "service_at_location")),
}
KINDS = ("service", "service_at_location", "location", "organization")


def object_kind(item: Mapping[str, Any]) -> str:
    """Which HSDS 3.0 object this is, from the fields that only that kind of object has."""
    keys = set(item)
    if keys & SERVICE_FIELDS:
        return "service"
    if keys & SERVICE_AT_LOCATION_FIELDS:
        return "service_at_location"
    if keys & LOCATION_FIELDS:
        return "location"
    return "organization"


def read_json(name: str, content: bytes) -> Dataset:
    """An HSDS 3 JSON file: one object, a list of objects, or an HSDS API page of them."""
    dataset = Dataset(source=name)
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        dataset.problems.append(Problem(name, 0, "", "The file is not UTF-8 text."))
        return dataset
    except json.JSONDecodeError as exc:
        dataset.problems.append(
            Problem(
                name,
                0,
                "",
                f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}); "
                "the file may be cut short. Nothing was imported.",
            )
        )
        return dataset
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        document = document["contents"]
    elif isinstance(document, dict):
        document = [document]
    if not isinstance(document, list) or not document:
        dataset.problems.append(
            Problem(name, 0, "", "Expected HSDS objects (services, organizations, locations...).")
        )
        return dataset
    reader = _Reader(dataset)
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            dataset.problems.append(Problem(name, number, "", "Expected an HSDS object."))
            continue
        row = Row(dataset, name, number, item)
        getattr(reader, object_kind(item))(row)
    reader.references.check("No {noun} with this id in the file or the directory.")
    dataset.note_unkept_fields()
    return dataset


class _Reader:
    """Reads each kind of object and the objects it nests, linking them by HSDS id."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.collector = Collector(dataset)
        self.references = References(dataset)
        self.known_needs = known_need_codes()

    def service(self, row: Row, organization_id: uuid.UUID | None = None) -> uuid.UUID | None:
        service_id, values = service_values(row)
        if organization_id is None:
            organization_id = self._organization_of(row)
        else:
            row.mark("organization_id")  # nested under its organization, which says whose it is
        values["organization"] = organization_id
        values["languages"] = _languages(row)
        if not self.collector.add("services", row, service_id, values) or organization_id is None:
            return None
        if "attributes" in row.data:
            terms = [
                (f"attributes[{i}].taxonomy_term.code", attribute.get("taxonomy_term") or {})
                for i, attribute in enumerate(row.list_of_objects("attributes"))
            ]
            self.dataset.service_needs[service_id] = need_codes(row, terms, self.known_needs)
        self._shared("phones", row, service=service_id)
        self._shared("schedules", row, service=service_id)
        for table, read in SERVICE_PARTS.items():
            for index, _ in enumerate(row.list_of_objects(table)):
                nested = row.nested(table, index)
                item_id, item = read(nested)
                nested.mark("service_id")
                self.collector.add(table, nested, item_id, {"service": service_id, **item})
        for index, _ in enumerate(row.list_of_objects("service_at_locations")):
            self.service_at_location(row.nested("service_at_locations", index), service_id, organization_id)
        return service_id

    def organization(self, row: Row) -> uuid.UUID | None:
        organization_id, values = organization_values(row)
        if not self.collector.add("organizations", row, organization_id, values, shared=True):
            return None
        self._shared("phones", row, organization=organization_id)
        for index, _ in enumerate(row.list_of_objects("locations")):
            self.location(row.nested("locations", index), organization_id)
        for index, _ in enumerate(row.list_of_objects("services")):
            self.service(row.nested("services", index), organization_id)
        return organization_id

    def location(self, row: Row, organization_id: uuid.UUID | None = None) -> uuid.UUID | None:
        location_id, values = location_values(row)
        if organization_id is None:
            organization_id = row.uuid("organization_id", required=False)
            self.references.need(row, "organization_id", organization_id, Organization, "organizations")
        else:
            row.mark("organization_id")
        # A location nested under a service is kept by the organization that provides the service.
        values["organization"] = organization_id
        addresses = row.list_of_objects("addresses")
        if addresses:
            chosen = next(
                (i for i, a in enumerate(addresses) if str(a.get("address_type", "")).lower() == "physical"),
                0,
            )
            values.update(address_values(row.nested("addresses", chosen)))
            for index in range(len(addresses)):
                if index != chosen:
                    row.unkept(
                        f"addresses[{index}]",
                        "Not kept: a location keeps one address (its first physical one).",
                    )
        if not self.collector.add("locations", row, location_id, values, shared=True):
            return None
        self._shared("phones", row, location=location_id)
        self._shared("schedules", row, location=location_id)
        return location_id

    def service_at_location(
        self,
        row: Row,
        service_id: uuid.UUID | None = None,
        organization_id: uuid.UUID | None = None,
    ) -> None:
        link_id = row.uuid("id")
        if service_id is not None:
            row.mark("service_id")
        elif row.object("service") is not None:
            service_id = self.service(row.nested("service"))
            if service_id is not None:
                organization_id = self.dataset.services[service_id]["organization"]
        elif row.raw("service_id") is not None:
            service_id = row.uuid("service_id")
            self.references.need(row, "service_id", service_id, Service, "services")
        else:
            row.problem("service", "Say which service is delivered here (a service object or service_id).")
        location_id: uuid.UUID | None = None
        if row.object("location") is not None:
            location_id = self.location(row.nested("location"), organization_id)
        elif row.raw("location_id") is not None:
            location_id = row.uuid("location_id")
            self.references.need(row, "location_id", location_id, Location, "locations")
        else:
            row.problem("location", "Give the location where the service is delivered (a location object).")
        if service_id is None or location_id is None:
            return
        values = {"service": service_id, "location": location_id, "description": row.text("description")}
        if self.collector.add("service_at_locations", row, link_id, values):
            self._shared("phones", row, service_at_location=link_id)
            self._shared("schedules", row, service_at_location=link_id)

    def _organization_of(self, row: Row) -> uuid.UUID | None:
        if row.object("organization") is not None:
            return self.organization(row.nested("organization"))
        if row.raw("organization_id") is not None:
            organization_id = row.uuid("organization_id")
            self.references.need(row, "organization_id", organization_id, Organization, "organizations")
            return organization_id
        row.problem("organization", "Say which organization provides the service (an organization object).")
        return None

    def _shared(self, table: str, row: Row, **owner: uuid.UUID | None) -> None:
        """The phones or schedules nested in `row`, linked to `owner` (HSDS may list one under several)."""
        read, kinds = SHARED[table]
        for index, _ in enumerate(row.list_of_objects(table)):
            nested = row.nested(table, index)
            item_id, values = read(nested)
            links = dict.fromkeys(kinds)
            nested.mark(*(f"{kind}_id" for kind in links))
            self.collector.link(table, nested, item_id, values, {**links, **owner})


def _languages(row: Row) -> str:
    names = []
    for index, language in enumerate(row.list_of_objects("languages")):
        name = str(language.get("name") or language.get("code") or "").strip()
        if not name:
            row.problem(f"languages[{index}].name", "Give the language's name.")
        elif name not in names:
            names.append(name)
        if language.get("note"):
            row.unkept(f"languages[{index}].note")
    joined = ", ".join(names)
    if len(joined) > 255:
        row.problem("languages", "Too many languages to keep (at most 255 characters in all).")
        return ""
    return joined
