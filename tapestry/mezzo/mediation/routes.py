"""The mediation app's rows of the route table: disputes name persons, so all need group-run."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "mediation:dispute_list": C.GROUP_RUN,
    "mediation:dispute_create": C.GROUP_RUN,
    "mediation:dispute_detail": C.GROUP_RUN,
    "mediation:dispute_edit": C.GROUP_RUN,
    "mediation:dispute_close": C.GROUP_RUN,
    "mediation:party_add": C.GROUP_RUN,
    "mediation:session_add": C.GROUP_RUN,
    "mediation:issue_add": C.GROUP_RUN,
    "mediation:issue_status": C.GROUP_RUN,
    "mediation:agreement_add": C.GROUP_RUN,
    "mediation:agreement_follow_up": C.GROUP_RUN,
    "mediation:follow_ups": C.GROUP_RUN,
    "GET /api/v1/disputes": C.GROUP_RUN,
    "POST /api/v1/disputes": C.GROUP_RUN,
    "GET /api/v1/disputes/{dispute_id}": C.GROUP_RUN,
    "PATCH /api/v1/disputes/{dispute_id}": C.GROUP_RUN,
    "POST /api/v1/disputes/{dispute_id}/parties": C.GROUP_RUN,
    "POST /api/v1/disputes/{dispute_id}/sessions": C.GROUP_RUN,
    "POST /api/v1/disputes/{dispute_id}/issues": C.GROUP_RUN,
    "POST /api/v1/disputes/{dispute_id}/agreements": C.GROUP_RUN,
    "PATCH /api/v1/agreements/{agreement_id}": C.GROUP_RUN,
}
