"""URL arguments for the coalitions' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.macro.coalitions.tests.helpers import coalition_with


def examples(world: dict) -> dict[str, dict]:
    coalition = coalition_with(2, actions=1, name="Matrix coalition")
    member = coalition.memberships.first()
    goal = coalition.goals.create(goal="A shared goal")
    action = coalition.action_items.first()
    by_coalition = {"pk": coalition.pk}
    return {
        "coalitions:coalition_detail": by_coalition,
        "coalitions:coalition_edit": by_coalition,
        "coalitions:member_add": by_coalition,
        "coalitions:goal_add": by_coalition,
        "coalitions:meeting_record": by_coalition,
        "coalitions:member_leave": {"pk": member.pk},
        "coalitions:goal_status": {"pk": goal.pk},
        "coalitions:action_edit": {"pk": action.pk},
        "GET /api/v1/coalitions/{coalition_id}": {"coalition_id": coalition.pk},
        "PATCH /api/v1/coalitions/{coalition_id}": {"coalition_id": coalition.pk},
        "POST /api/v1/coalitions/{coalition_id}/members": {"coalition_id": coalition.pk},
        "POST /api/v1/coalitions/{coalition_id}/goals": {"coalition_id": coalition.pk},
        "POST /api/v1/coalitions/{coalition_id}/meetings": {"coalition_id": coalition.pk},
        "POST /api/v1/coalition-members/{member_id}/leave": {"member_id": member.pk},
        "PATCH /api/v1/coalition-actions/{action_id}": {"action_id": action.pk},
    }
