"""The treatment app's rows of the route table (see tapestry/access/routes.py).

The capability is only the first gate: the case must be in the user's reach with its segment
granted (substance use needs its own grant), and a release needs the client's written consent.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "treatment:case_index": C.PERSON_READ,
    "treatment:plan_edit": C.PERSON_WRITE,
    "treatment:checkin_add": C.PERSON_WRITE,
    "treatment:team_note_add": C.PERSON_WRITE,
    "treatment:release_add": C.PERSON_WRITE,
    "treatment:release_detail": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/treatment-plan": C.PERSON_READ,
    "PUT /api/v1/cases/{case_id}/treatment-plan": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/medication-checkins": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/medication-checkins": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/team-notes": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/team-notes": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/releases": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/releases": C.PERSON_WRITE,
}
