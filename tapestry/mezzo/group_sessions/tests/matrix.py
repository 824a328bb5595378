"""URL arguments for the group-session routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.access import policy
from tapestry.access.policy import Capability as C
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    """A group run by every user who may run groups, with world["person"] enrolled, a session and a note."""
    runners = [user for user in world["cast"].by_role.values() if policy.has_capability(user, C.GROUP_RUN)]
    group = make_group(*runners, name="Matrix sessions group")
    case = open_case(world["cast"].caseworker, world["person"], segment="")
    membership = enrol(group, world["person"], case=case)
    session = hold_session(runners[0], group)
    mark_all(runners[0], session)
    session.refresh_from_db()
    services.note_save(
        actor=runners[0],
        session=session,
        version=0,
        dynamics="The group settled quickly.",
        themes="",
        progress="",
        mentions={membership.pk: "Spoke up for the first time."},
    )
    mention = membership.mentions.get()
    on_group = {"group_pk": group.pk}
    on_session = {"pk": session.pk}
    return {
        "group_sessions:session_list": on_group,
        "group_sessions:session_create": on_group,
        "group_sessions:session_today": on_group,
        "group_sessions:rates": on_group,
        "group_sessions:attendance_summary": on_group,
        "GET /api/v1/groups/{group_id}/attendance-summary": {"group_id": group.pk},
        "group_sessions:session_detail": on_session,
        "group_sessions:session_edit": on_session,
        "group_sessions:attendance": on_session,
        "group_sessions:note_detail": on_session,
        "group_sessions:note_edit": on_session,
        "group_sessions:mention_detail": {"pk": mention.pk},
        "GET /api/v1/groups/{group_id}/sessions": {"group_id": group.pk},
        "POST /api/v1/groups/{group_id}/sessions": {"group_id": group.pk},
        "POST /api/v1/groups/{group_id}/sessions/today": {"group_id": group.pk},
        "GET /api/v1/groups/{group_id}/attendance-rates": {"group_id": group.pk},
        "GET /api/v1/sessions/{session_id}": {"session_id": session.pk},
        "PATCH /api/v1/sessions/{session_id}": {"session_id": session.pk},
        "PUT /api/v1/sessions/{session_id}/attendance": {"session_id": session.pk},
        "GET /api/v1/sessions/{session_id}/note": {"session_id": session.pk},
        "PUT /api/v1/sessions/{session_id}/note": {"session_id": session.pk},
    }
