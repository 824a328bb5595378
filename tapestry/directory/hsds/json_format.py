"""HSDS 3 JSON: a list of service objects with their organization, locations and phones nested."""

from __future__ import annotations

import json
import uuid

from tapestry.directory.hsds.rows import (
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
from tapestry.directory.models import Location, Organization


def read_json(name: str, content: bytes) -> Dataset:
    """An HSDS 3 JSON file: a list of service objects (or an HSDS API page, {"contents": [...]})."""
    dataset = Dataset(source=name)
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        dataset.problems.append(Problem(name, 0, "", "The file is not UTF-8 text."))
        return dataset
    except json.JSONDecodeError as exc:
        dataset.problems.append(
            Problem(name, 0, "", f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).")
        )
        return dataset
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        document = document["contents"]
    elif isinstance(document, dict):
        document = [document]
    if not isinstance(document, list) or not document:
        dataset.problems.append(Problem(name, 0, "", "Expected a list of HSDS service objects."))
        return dataset
    known = known_need_codes()
    collector = Collector(dataset)
    referenced_organizations: list[tuple[Row, uuid.UUID]] = []
    referenced_locations: list[tuple[Row, uuid.UUID]] = []
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            dataset.problems.append(Problem(name, number, "", "Expected a service object."))
            continue
        row = Row(dataset, name, number, item)
        service_id, values = service_values(row)
        organization_id = _json_organization(row, collector, referenced_organizations)
        values["organization"] = organization_id
        values["languages"] = _json_languages(row)
        if not collector.add("services", row, service_id, values) or organization_id is None:
            continue
        if "attributes" in item:
            terms = [
                (f"attributes[{i}].taxonomy_term.code", attribute.get("taxonomy_term") or {})
                for i, attribute in enumerate(row.list_of_objects("attributes"))
            ]
            dataset.service_needs[service_id] = need_codes(row, terms, known)
        for index, _ in enumerate(row.list_of_objects("phones")):
            _json_phone(row.nested("phones", index), collector, service=service_id)
        for index, _ in enumerate(row.list_of_objects("service_at_locations")):
            _json_service_at_location(
                row.nested("service_at_locations", index),
                collector,
                service_id,
                organization_id,
                referenced_locations,
            )
    _check_stored(dataset, Organization, referenced_organizations, "organizations", "organization")
    _check_stored(dataset, Location, referenced_locations, "locations", "location")
    return dataset


def _json_organization(
    row: Row, collector: Collector, referenced: list[tuple[Row, uuid.UUID]]
) -> uuid.UUID | None:
    if isinstance(row.data.get("organization"), dict):
        nested = row.nested("organization")
        organization_id, values = organization_values(nested)
        collector.add("organizations", nested, organization_id, values, shared=True)
        for index, _ in enumerate(nested.list_of_objects("phones")):
            _json_phone(nested.nested("phones", index), collector, shared=True, organization=organization_id)
        return organization_id
    if row.raw("organization_id") is not None:
        organization_id = row.uuid("organization_id")
        if organization_id is not None:
            referenced.append((row, organization_id))
        return organization_id
    row.problem("organization", "Say which organization provides the service (an organization object).")
    return None


def _json_languages(row: Row) -> str:
    names = []
    for index, language in enumerate(row.list_of_objects("languages")):
        name = str(language.get("name") or language.get("code") or "").strip()
        if not name:
            row.problem(f"languages[{index}].name", "Give the language's name.")
        elif name not in names:
            names.append(name)
    joined = ", ".join(names)
    if len(joined) > 255:
        row.problem("languages", "Too many languages to keep (at most 255 characters in all).")
        return ""
    return joined


def _json_phone(row: Row, collector: Collector, *, shared: bool = False, **links: uuid.UUID | None) -> None:
    phone_id, values = phone_values(row)
    owners = {"service": None, "organization": None, "location": None, **links}
    collector.add("phones", row, phone_id, {**owners, **values}, shared=shared)


def _json_service_at_location(
    row: Row,
    collector: Collector,
    service_id: uuid.UUID,
    organization_id: uuid.UUID,
    referenced: list[tuple[Row, uuid.UUID]],
) -> None:
    link_id = row.uuid("id")
    location_id: uuid.UUID | None = None
    if isinstance(row.data.get("location"), dict):
        nested = row.nested("location")
        location_id, values = location_values(nested)
        # A location nested under a service is kept by the organization that provides the service.
        values["organization"] = organization_id
        addresses = nested.list_of_objects("addresses")
        if addresses:
            chosen = next(
                (i for i, a in enumerate(addresses) if str(a.get("address_type", "")).lower() == "physical"),
                0,
            )
            values.update(address_values(nested.nested("addresses", chosen)))
        collector.add("locations", nested, location_id, values, shared=True)
        for index, _ in enumerate(nested.list_of_objects("phones")):
            _json_phone(nested.nested("phones", index), collector, shared=True, location=location_id)
    elif row.raw("location_id") is not None:
        location_id = row.uuid("location_id")
        if location_id is not None:
            referenced.append((row, location_id))
    else:
        row.problem("location", "Give the location where the service is delivered (a location object).")
    if location_id is not None:
        values = {"service": service_id, "location": location_id, "description": row.text("description")}
        collector.add("service_at_locations", row, link_id, values)


def _check_stored(
    dataset: Dataset, model: type, referenced: list[tuple[Row, uuid.UUID]], table: str, noun: str
) -> None:
    """References to rows not in the file must name rows already in the directory."""
    missing = {hsds_id for _, hsds_id in referenced if hsds_id not in getattr(dataset, table)}
    stored = set(model.objects.filter(hsds_id__in=missing).values_list("hsds_id", flat=True))
    for row, hsds_id in referenced:
        if hsds_id in missing and hsds_id not in stored:
            row.problem(f"{noun}_id", f"No {noun} with this id in the file or the directory.")
