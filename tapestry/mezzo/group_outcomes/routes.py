"""The group outcomes app's rows of the route table (see tapestry/access/routes.py).

Goals, measures and the member-by-member report are person-level work of those who run the
group (GROUP_RUN; anyone else gets 404 per group). Using a case assessment as a measure is
also declared GROUP_RUN (every client-facing role holds it); the service then requires
PERSON_WRITE on the member's case. The aggregate report identifies no one: AGGREGATE_READ.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "group_outcomes:goals": C.GROUP_RUN,
    "group_outcomes:goal_edit": C.GROUP_RUN,
    "group_outcomes:measures": C.GROUP_RUN,
    "group_outcomes:instrument_add": C.GROUP_RUN,
    "group_outcomes:measure_record": C.GROUP_RUN,
    "group_outcomes:measure_correct": C.GROUP_RUN,
    "group_outcomes:measure_from_assessment": C.GROUP_RUN,
    "group_outcomes:report": C.GROUP_RUN,
    "group_outcomes:summary": C.AGGREGATE_READ,
    "GET /api/v1/groups/{group_id}/goals": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/goals": C.GROUP_RUN,
    "PATCH /api/v1/group-goals/{goal_id}": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/measures": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/measures": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/outcomes": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/outcomes/summary": C.AGGREGATE_READ,
}
