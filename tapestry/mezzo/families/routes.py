"""The families app's rows of the route table (see tapestry/access/routes.py).

A family plan sits on a client's case, so every route is client work (person capabilities).
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "families:case_index": C.PERSON_READ,
    "families:plan_edit": C.PERSON_WRITE,
    "families:goal_create": C.PERSON_WRITE,
    "families:goal_edit": C.PERSON_WRITE,
    "families:goal_referral_create": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/family-plan": C.PERSON_READ,
    "PUT /api/v1/cases/{case_id}/family-plan": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/family-plan/goals": C.PERSON_WRITE,
    "PATCH /api/v1/family-goals/{goal_id}": C.PERSON_WRITE,
    "POST /api/v1/family-goals/{goal_id}/referrals": C.PERSON_WRITE,
}
