"""The alerts app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "alerts:person_alerts": C.PERSON_READ,
    "alerts:alert_raise": C.PERSON_WRITE,
    "alerts:alert_resolve": C.ALERT_RESOLVE,
    "GET /api/v1/persons/{person_id}/alerts": C.PERSON_READ,
    "POST /api/v1/persons/{person_id}/alerts": C.PERSON_WRITE,
    "GET /api/v1/persons/{person_id}/alerts/history": C.PERSON_READ,
    "POST /api/v1/persons/{person_id}/alerts/{alert_id}/resolve": C.ALERT_RESOLVE,
}
