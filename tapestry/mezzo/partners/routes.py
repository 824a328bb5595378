"""The partners app's rows of the route table (see tapestry/access/routes.py).

Agreements are agency facts (organisation capabilities); a referral a partner sends us is
recorded on a case, so recording one is client work (person capabilities).
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "partners:partner_list": C.ORGANISATION_READ,
    "partners:partner_detail": C.ORGANISATION_READ,
    "partners:partnership_create": C.ORGANISATION_WRITE,
    "partners:partnership_edit": C.ORGANISATION_WRITE,
    "partners:contact_add": C.ORGANISATION_WRITE,
    "partners:incoming_referral_create": C.PERSON_WRITE,
    "GET /api/v1/partnerships": C.ORGANISATION_READ,
    "POST /api/v1/partnerships": C.ORGANISATION_WRITE,
    "GET /api/v1/partnerships/{partnership_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/partnerships/{partnership_id}": C.ORGANISATION_WRITE,
    "GET /api/v1/partnerships/{partnership_id}/referrals": C.ORGANISATION_READ,
    "POST /api/v1/partnerships/{partnership_id}/incoming-referrals": C.PERSON_WRITE,
}
