"""The group-session app's rows of the route table (see tapestry/access/routes.py).

Every page shows members (roster, attendance, mentions), so all need GROUP_RUN; whether the
user runs this group (or, for a mention, may see the member) is checked per object: 404 if not.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "group_sessions:group_list": C.GROUP_RUN,
    "group_sessions:session_list": C.GROUP_RUN,
    "group_sessions:session_create": C.GROUP_RUN,
    "group_sessions:session_today": C.GROUP_RUN,
    "group_sessions:session_detail": C.GROUP_RUN,
    "group_sessions:session_edit": C.GROUP_RUN,
    "group_sessions:attendance": C.GROUP_RUN,
    "group_sessions:note_detail": C.GROUP_RUN,
    "group_sessions:note_edit": C.GROUP_RUN,
    "group_sessions:mention_detail": C.GROUP_RUN,
    "group_sessions:rates": C.GROUP_RUN,
    # Counts that identify no one; a program manager reaches only their programs' groups.
    "group_sessions:attendance_summary": C.AGGREGATE_READ,
    "GET /api/v1/groups/{group_id}/attendance-summary": C.AGGREGATE_READ,
    "GET /api/v1/groups/{group_id}/sessions": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/sessions": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/sessions/today": C.GROUP_RUN,
    "GET /api/v1/sessions/{session_id}": C.GROUP_RUN,
    "PATCH /api/v1/sessions/{session_id}": C.GROUP_RUN,
    "PUT /api/v1/sessions/{session_id}/attendance": C.GROUP_RUN,
    "GET /api/v1/sessions/{session_id}/note": C.GROUP_RUN,
    "PUT /api/v1/sessions/{session_id}/note": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/attendance-rates": C.GROUP_RUN,
}
