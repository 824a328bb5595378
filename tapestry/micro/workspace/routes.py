"""The workspace app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "workspace:notes": C.PERSON_READ,
    "workspace:scores": C.PERSON_READ,
    "workspace:plan": C.PERSON_READ,
    "workspace:referrals": C.PERSON_READ,
    "workspace:consents": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/workspace": C.PERSON_READ,
}
