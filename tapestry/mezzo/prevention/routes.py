"""The prevention app's rows of the route table: no person is recorded, so organisation access reads
and the program-manage capability writes."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "prevention:program_list": C.ORGANISATION_READ,
    "prevention:program_detail": C.ORGANISATION_READ,
    "prevention:program_create": C.PROGRAM_MANAGE,
    "prevention:program_edit": C.PROGRAM_MANAGE,
    "prevention:activity_add": C.PROGRAM_MANAGE,
    "prevention:measure_add": C.PROGRAM_MANAGE,
    "GET /api/v1/prevention-programs": C.ORGANISATION_READ,
    "POST /api/v1/prevention-programs": C.PROGRAM_MANAGE,
    "GET /api/v1/prevention-programs/{program_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/prevention-programs/{program_id}": C.PROGRAM_MANAGE,
    "GET /api/v1/prevention-programs/{program_id}/activities": C.ORGANISATION_READ,
    "POST /api/v1/prevention-programs/{program_id}/activities": C.PROGRAM_MANAGE,
    "GET /api/v1/prevention-programs/{program_id}/measures": C.ORGANISATION_READ,
    "POST /api/v1/prevention-programs/{program_id}/measures": C.PROGRAM_MANAGE,
}
