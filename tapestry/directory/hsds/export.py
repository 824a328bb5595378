"""Writing HSDS 3 JSON: one service as the service object `read_json` reads back."""

from __future__ import annotations

import uuid
from typing import Any

from tapestry.directory.hsds.rows import NEED_TAXONOMY
from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation


def service_document(service: Service) -> dict[str, Any]:
    """One service as an HSDS 3 service object (the same shape `read_json` reads).

    Expects the service as `selectors.services_for_export` gives it, with everything prefetched.
    """
    return {
        "id": str(service.hsds_id),
        "name": service.name,
        "alternate_name": service.alternate_name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "eligibility_description": service.eligibility_description,
        "fees_description": service.fees_description,
        "application_process": service.application_process,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "languages": [
            {"id": str(_derived_id(service, name)), "name": name} for name in service.language_list
        ],
        "organization": _organization_document(service.organization),
        "phones": [_phone_document(phone) for phone in service.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in service.schedules.all()],
        "service_areas": [
            {
                "id": str(area.hsds_id),
                "name": area.name,
                "description": area.description,
                "extent": area.extent,
                "extent_type": area.extent_type,
                "uri": area.uri,
            }
            for area in service.service_areas.all()
        ],
        "cost_options": [
            {
                "id": str(cost.hsds_id),
                "valid_from": _iso(cost.valid_from),
                "valid_to": _iso(cost.valid_to),
                "option": cost.option,
                "currency": cost.currency,
                "amount": float(cost.amount) if cost.amount is not None else None,
                "amount_description": cost.amount_description,
            }
            for cost in service.cost_options.all()
        ],
        "required_documents": [
            {"id": str(document.hsds_id), "document": document.document, "uri": document.uri}
            for document in service.required_documents.all()
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


def _derived_id(service: Service, key: str) -> uuid.UUID:
    # Rows Tapestry folds into a field (languages, need links) get stable ids derived from the service.
    return uuid.uuid5(service.hsds_id, key)


def _phone_document(phone: Any) -> dict[str, Any]:
    return {
        "id": str(phone.hsds_id),
        "number": phone.number,
        "extension": phone.extension,
        "type": phone.type,
        "description": phone.description,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _organization_document(organization: Organization) -> dict[str, Any]:
    return {
        "id": str(organization.hsds_id),
        "name": organization.name,
        "alternate_name": organization.alternate_name,
        "description": organization.description,
        "email": organization.email,
        "website": organization.website,
        "phones": [_phone_document(phone) for phone in organization.phones.all()],
        "locations": [_location_document(location) for location in organization.locations.all()],
    }


def _schedule_document(schedule: Any) -> dict[str, Any]:
    return {
        "id": str(schedule.hsds_id),
        "valid_from": _iso(schedule.valid_from),
        "valid_to": _iso(schedule.valid_to),
        "freq": schedule.freq,
        "interval": schedule.interval,
        "byday": schedule.byday,
        "bymonthday": schedule.bymonthday,
        "opens_at": _iso(schedule.opens_at),
        "closes_at": _iso(schedule.closes_at),
        "description": schedule.description,
        "attending_type": schedule.attending_type,
        "notes": schedule.notes,
    }


def _location_document(location: Location) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": str(location.hsds_id),
        "name": location.name,
        "location_type": location.location_type,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "addresses": [],
        "phones": [_phone_document(phone) for phone in location.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in location.schedules.all()],
    }
    if location.address_1:
        document["addresses"].append(
            {
                "id": str(uuid.uuid5(location.hsds_id, "address")),
                "address_1": location.address_1,
                "address_2": location.address_2,
                "city": location.city,
                "state_province": location.state_province,
                "postal_code": location.postal_code,
                "country": location.country,
                "address_type": "physical",
            }
        )
    return document


def _place_document(place: ServiceAtLocation) -> dict[str, Any]:
    return {
        "id": str(place.hsds_id),
        "description": place.description,
        "location": _location_document(place.location),
        "phones": [_phone_document(phone) for phone in place.phones.all()],
        "schedules": [_schedule_document(schedule) for schedule in place.schedules.all()],
    }
