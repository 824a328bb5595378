"""Writing HSDS 3 JSON: one service as the service object `read_json` reads back."""

from __future__ import annotations

import uuid
from typing import Any

from tapestry.directory.hsds.rows import NEED_TAXONOMY
from tapestry.directory.models import Service, ServiceAtLocation


def service_document(service: Service) -> dict[str, Any]:
    """One service as an HSDS 3 service object (the same shape `read_json` reads).

    Expects the service with its organization, needs, phones and locations prefetched.
    """
    organization = service.organization
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
        "languages": [
            {"id": str(_derived_id(service, name)), "name": name} for name in service.language_list
        ],
        "organization": {
            "id": str(organization.hsds_id),
            "name": organization.name,
            "alternate_name": organization.alternate_name,
            "description": organization.description,
            "email": organization.email,
            "website": organization.website,
        },
        "phones": [_phone_document(phone) for phone in service.phones.all()],
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


def _place_document(place: ServiceAtLocation) -> dict[str, Any]:
    location = place.location
    document: dict[str, Any] = {
        "id": str(location.hsds_id),
        "name": location.name,
        "location_type": location.location_type,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "addresses": [],
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
    return {"id": str(place.hsds_id), "description": place.description, "location": document}
