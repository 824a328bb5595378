"""The places rows of the route table: areas are reference data (organisation read), defined by those who
manage areas; the case map is an aggregate."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "places:area_list": C.ORGANISATION_READ,
    "places:area_detail": C.ORGANISATION_READ,
    "places:area_create": C.AREA_MANAGE,
    "places:area_edit": C.AREA_MANAGE,
    "places:import": C.AREA_MANAGE,
    "places:case_map": C.AGGREGATE_READ,
    "GET /api/v1/places/areas": C.ORGANISATION_READ,
    "POST /api/v1/places/areas": C.AREA_MANAGE,
    "GET /api/v1/places/areas/{area_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/places/areas/{area_id}": C.AREA_MANAGE,
    "POST /api/v1/places/boundary-imports": C.AREA_MANAGE,
    "GET /api/v1/places/case-map": C.AGGREGATE_READ,
}
