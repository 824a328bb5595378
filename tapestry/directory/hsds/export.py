"""Writing HSDS 3 JSON: one service as the service object `read_json` reads back."""

from __future__ import annotations

import uuid
from typing import Any

from tapestry.directory.hsds.rows import ADDRESS_FIELDS, NEED_TAXONOMY
from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation


def service_document(service: Service) -> dict[str, Any]:
    """One service as an HSDS 3 service object (the same shape `read_json` reads).

    Expects the service as `selectors.services_for_export` gives it, with everything prefetched.
    """
    return {
        **_record(service, *SERVICE_FIELDS),
        "languages": [
            {"id": str(_derived_id(service, name)), "name": name} for name in service.language_list
        ],
        "organization": _organization_document(service.organization),
        "phones": [_phone_document(phone) for phone in service.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in service.schedules.all()],
        "service_areas": [
            _record(area, "name", "description", "extent", "extent_type", "uri")
            for area in service.service_areas.all()
        ],
        "cost_options": [
            {
                **_record(cost, "valid_from", "valid_to", "option", "currency", iso=DATE_FIELDS),
                "amount": float(cost.amount) if cost.amount is not None else None,
                "amount_description": cost.amount_description,
            }
            for cost in service.cost_options.all()
        ],
        "required_documents": [
            _record(document, "document", "uri") for document in service.required_documents.all()
        ],
        "service_at_locations": [_place_document(place) for place in service.service_at_locations.all()],
        "attributes": [
            {
                "id": str(_derived_id(service, need.code)),
                "link_id": str(service.hsds_id),
                "link_entity": "service",
                "taxonomy_term": {
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{NEED_TAXONOMY}/{need.code}")),
                    "code": need.code,
                    "name": need.label,
                    "description": need.description or need.label,
                    "taxonomy": NEED_TAXONOMY,
                },
            }
            for need in service.needs.all()
        ],
    }


SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "eligibility_description",
    "fees_description",
    "application_process",
    "minimum_age",
    "maximum_age",
)
SCHEDULE_FIELDS = (
    "valid_from",
    "valid_to",
    "freq",
    "interval",
    "byday",
    "bymonthday",
    "opens_at",
    "closes_at",
    "description",
    "attending_type",
    "notes",
)
# Dates and times are written as ISO text (or null).
DATE_FIELDS = ("valid_from", "valid_to", "opens_at", "closes_at")


def _record(row: Any, *names: str, iso: tuple[str, ...] = ()) -> dict[str, Any]:
    """The HSDS object of a stored row: its `id`, then the named fields in order (those in `iso` as text)."""
    values = {name: getattr(row, name) for name in names}
    return {"id": str(row.hsds_id), **{name: _iso(v) if name in iso else v for name, v in values.items()}}


def _derived_id(service: Service, key: str) -> uuid.UUID:
    # Rows Tapestry folds into a field (languages, need links) get stable ids derived from the service.
    return uuid.uuid5(service.hsds_id, key)


def _phone_document(phone: Any) -> dict[str, Any]:
    return _record(phone, "number", "extension", "type", "description")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _organization_document(organization: Organization) -> dict[str, Any]:
    return {
        **_record(organization, "name", "alternate_name", "description", "email", "website"),
        "phones": [_phone_document(phone) for phone in organization.phones.all()],
        "locations": [_location_document(location) for location in organization.locations.all()],
    }


def _schedule_document(schedule: Any) -> dict[str, Any]:
    return _record(schedule, *SCHEDULE_FIELDS, iso=DATE_FIELDS)


def _location_document(location: Location) -> dict[str, Any]:
    document: dict[str, Any] = {
        **_record(location, "name", "location_type", "description", "latitude", "longitude"),
        "addresses": [],
        "phones": [_phone_document(phone) for phone in location.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in location.schedules.all()],
    }
    if location.address_1:
        document["addresses"].append(
            {
                "id": str(uuid.uuid5(location.hsds_id, "address")),
                **{name: getattr(location, name) for name in ADDRESS_FIELDS},
                "address_type": "physical",
            }
        )
    return document


def _place_document(place: ServiceAtLocation) -> dict[str, Any]:
    return {
        **_record(place, "description"),
        "location": _location_document(place.location),
        "phones": [_phone_document(phone) for phone in place.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in place.schedules.all()],
    }
