"""Small synthetic HSDS 3 documents for the directory's tests."""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile

ORG = "11111111-1111-4111-8111-111111111111"
PANTRY = "22222222-2222-4222-8222-222222222222"
CLINIC = "33333333-3333-4333-8333-333333333333"
PANTRY_SITE = "44444444-4444-4444-8444-444444444444"
CLINIC_SITE = "55555555-5555-4555-8555-555555555555"


def need_attribute(service_id: str, code: str, taxonomy: str = "tapestry-needs") -> dict:
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{service_id}/{code}")),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term": {"id": str(uuid.uuid4()), "code": code, "name": code, "taxonomy": taxonomy},
    }


def service_doc(
    service_id: str = PANTRY,
    name: str = "Harbour food pantry",
    *,
    needs: tuple[str, ...] = ("food-insecurity",),
    location_id: str = PANTRY_SITE,
    latitude: float | None = 40.01,
    longitude: float | None = -75.01,
    **fields: object,
) -> dict:
    location = {
        "id": location_id,
        "name": f"{name} site",
        "location_type": "physical",
        "latitude": latitude,
        "longitude": longitude,
        "addresses": [
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, location_id)),
                "address_1": "12 Loom Avenue",
                "city": "Riverton",
                "state_province": "DC",
                "postal_code": "00808",
                "country": "US",
                "address_type": "physical",
            }
        ],
    }
    return {
        "id": service_id,
        "name": name,
        "description": f"{name}: a synthetic service.",
        "status": "active",
        "email": "hello@example.org",
        "url": "https://example.org/service",
        "eligibility_description": "Anyone in Demo County.",
        "fees_description": "Free.",
        "languages": [
            {"id": str(uuid.uuid4()), "name": "English"},
            {"id": str(uuid.uuid4()), "name": "Spanish"},
        ],
        "organization": {
            "id": ORG,
            "name": "Harbour Mutual Aid",
            "description": "Neighbours helping neighbours.",
        },
        "phones": [
            {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, service_id + "/phone")), "number": "(555) 010-2000"}
        ],
        "service_at_locations": [
            {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, service_id + "/at")), "location": location}
        ],
        "attributes": [need_attribute(service_id, code) for code in needs],
        **fields,
    }


def json_bytes(*services: dict) -> bytes:
    return json.dumps(list(services)).encode()


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def csv_tables() -> dict[str, bytes]:
    """A small, valid HSDS CSV package: two services of one organization at two locations."""
    term = "66666666-6666-4666-8666-666666666666"
    return {
        "organizations.csv": csv_bytes(
            [
                {
                    "id": ORG,
                    "name": "Harbour Mutual Aid",
                    "description": "Neighbours.",
                    "email": "",
                    "website": "",
                }
            ]
        ),
        "services.csv": csv_bytes(
            [
                {
                    "id": PANTRY,
                    "organization_id": ORG,
                    "name": "Harbour food pantry",
                    "description": "Groceries.",
                    "status": "active",
                    "email": "",
                    "url": "",
                    "eligibility_description": "",
                    "fees_description": "Free.",
                },
                {
                    "id": CLINIC,
                    "organization_id": ORG,
                    "name": "Harbour tenancy clinic",
                    "description": "Eviction advice.",
                    "status": "active",
                    "email": "",
                    "url": "",
                    "eligibility_description": "Tenants.",
                    "fees_description": "",
                },
            ]
        ),
        "locations.csv": csv_bytes(
            [
                {
                    "id": PANTRY_SITE,
                    "organization_id": ORG,
                    "name": "Pantry",
                    "location_type": "physical",
                    "latitude": "40.01",
                    "longitude": "-75.01",
                },
                {
                    "id": CLINIC_SITE,
                    "organization_id": ORG,
                    "name": "Clinic",
                    "location_type": "physical",
                    "latitude": "40.05",
                    "longitude": "-75.05",
                },
            ]
        ),
        "addresses.csv": csv_bytes(
            [
                {
                    "id": str(uuid.uuid4()),
                    "location_id": PANTRY_SITE,
                    "address_1": "12 Loom Avenue",
                    "city": "Riverton",
                    "state_province": "DC",
                    "postal_code": "00808",
                    "country": "US",
                    "address_type": "physical",
                }
            ]
        ),
        "service_at_locations.csv": csv_bytes(
            [
                {
                    "id": str(uuid.uuid4()),
                    "service_id": PANTRY,
                    "location_id": PANTRY_SITE,
                    "description": "",
                },
                {
                    "id": str(uuid.uuid4()),
                    "service_id": CLINIC,
                    "location_id": CLINIC_SITE,
                    "description": "",
                },
            ]
        ),
        "phones.csv": csv_bytes(
            [
                {
                    "id": str(uuid.uuid4()),
                    "service_id": PANTRY,
                    "organization_id": "",
                    "location_id": "",
                    "number": "(555) 010-2000",
                }
            ]
        ),
        "languages.csv": csv_bytes([{"id": str(uuid.uuid4()), "service_id": PANTRY, "name": "Spanish"}]),
        "taxonomy_terms.csv": csv_bytes(
            [
                {
                    "id": term,
                    "code": "housing-instability",
                    "name": "Housing instability",
                    "taxonomy": "tapestry-needs",
                }
            ]
        ),
        "attributes.csv": csv_bytes(
            [{"id": str(uuid.uuid4()), "link_id": CLINIC, "link_entity": "service", "taxonomy_term_id": term}]
        ),
    }


def zip_bytes(tables: dict[str, bytes], folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in tables.items():
            archive.writestr(f"{folder}{name}", content)
    return buffer.getvalue()
