"""The advocacy app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "advocacy:case_index": C.PERSON_READ,
    "advocacy:action_new": C.PERSON_WRITE,
    "advocacy:action_edit": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/advocacy": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/advocacy": C.PERSON_WRITE,
    "PATCH /api/v1/advocacy/{action_id}": C.PERSON_WRITE,
}
