"""The supervision app's rows of the route table (see tapestry/access/routes.py).

Team workload and supervision sessions are about the supervisor's own staff (counts, no client):
supervising. The duplicates queue names persons and leads to a merge: merging.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "supervision:team_workload": C.SUPERVISE,
    "supervision:session_add": C.SUPERVISE,
    "supervision:duplicate_queue": C.PERSON_MERGE,
    "supervision:duplicate_dismiss": C.PERSON_MERGE,
    "GET /api/v1/supervision/team-workload": C.SUPERVISE,
    "POST /api/v1/supervision/sessions": C.SUPERVISE,
    "GET /api/v1/supervision/duplicate-pairs": C.PERSON_MERGE,
    "POST /api/v1/supervision/duplicate-dismissals": C.PERSON_MERGE,
}
