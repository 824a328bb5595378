"""The coalitions app's rows of the route table (see tapestry/access/routes.py).

Coalitions name organisations and our staff, never a client: anyone who reads aggregates may read
them; recording their work is policy work.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "coalitions:coalition_list": C.AGGREGATE_READ,
    "coalitions:coalition_detail": C.AGGREGATE_READ,
    "coalitions:coalition_create": C.POLICY_WORK,
    "coalitions:coalition_edit": C.POLICY_WORK,
    "coalitions:member_add": C.POLICY_WORK,
    "coalitions:member_leave": C.POLICY_WORK,
    "coalitions:goal_add": C.POLICY_WORK,
    "coalitions:goal_status": C.POLICY_WORK,
    "coalitions:meeting_record": C.POLICY_WORK,
    "coalitions:action_edit": C.POLICY_WORK,
    "GET /api/v1/coalitions": C.AGGREGATE_READ,
    "POST /api/v1/coalitions": C.POLICY_WORK,
    "GET /api/v1/coalitions/{coalition_id}": C.AGGREGATE_READ,
    "PATCH /api/v1/coalitions/{coalition_id}": C.POLICY_WORK,
    "POST /api/v1/coalitions/{coalition_id}/members": C.POLICY_WORK,
    "POST /api/v1/coalition-members/{member_id}/leave": C.POLICY_WORK,
    "POST /api/v1/coalitions/{coalition_id}/goals": C.POLICY_WORK,
    "POST /api/v1/coalitions/{coalition_id}/meetings": C.POLICY_WORK,
    "PATCH /api/v1/coalition-actions/{action_id}": C.POLICY_WORK,
}
