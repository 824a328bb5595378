"""The timeline app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "timeline:person_timeline": C.PERSON_READ,
    "timeline:person_ecomap": C.PERSON_READ,
    "timeline:household_genogram": C.PERSON_READ,
    "timeline:case_index": C.PERSON_READ,
    "GET /api/v1/persons/{person_id}/timeline": C.PERSON_READ,
    "GET /api/v1/persons/{person_id}/ecomap": C.PERSON_READ,
}
