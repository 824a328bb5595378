"""The mezzo app's rows of the route table (see tapestry/access/routes.py).

Programs are agency facts, not client records: the organisation capabilities govern them.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "mezzo:program_list": C.ORGANISATION_READ,
    "mezzo:program_create": C.ORGANISATION_WRITE,
    "GET /api/v1/programs": C.ORGANISATION_READ,
    "POST /api/v1/programs": C.ORGANISATION_WRITE,
}
