"""The directory's rows of the route table: it holds no person-level data, so organisation capabilities."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "directory:search": C.ORGANISATION_READ,
    "directory:service_detail": C.ORGANISATION_READ,
    "directory:import": C.ORGANISATION_WRITE,
    "GET /api/v1/directory/services": C.ORGANISATION_READ,
    "GET /api/v1/directory/services/{service_id}": C.ORGANISATION_READ,
    "POST /api/v1/directory/import": C.ORGANISATION_WRITE,
}
