"""URL arguments for the group outcomes routes, for the authorization-matrix test."""

from __future__ import annotations

from tapestry.access import policy
from tapestry.access.policy import Capability as C
from tapestry.mezzo.group_outcomes.models import GroupGoal
from tapestry.mezzo.group_outcomes.tests.factories import enrol, make_group, measure
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    cast = world["cast"]
    runners = [u for u in cast.by_role.values() if policy.has_capability(u, C.GROUP_RUN)]
    group = make_group(runners, name="Matrix outcomes group")
    case = open_case(cast.caseworker, person=world["person"])
    membership = enrol(group, world["person"], case=case)
    goal = GroupGoal.objects.create(group=group, description="Members feel less alone")
    pre = measure(cast.caseworker, membership, "pre", 12)
    group_kwargs = {"group_pk": group.pk}
    return {
        "group_outcomes:goals": group_kwargs,
        "group_outcomes:goal_edit": {"pk": goal.pk},
        "group_outcomes:measures": group_kwargs,
        "group_outcomes:instrument_add": group_kwargs,
        "group_outcomes:measure_record": {
            **group_kwargs,
            "membership_pk": membership.pk,
            "code": "phq-9",
            "phase": "post",
        },
        "group_outcomes:measure_correct": {"pk": pre.pk},
        "group_outcomes:measure_from_assessment": {"membership_pk": membership.pk},
        "group_outcomes:report": group_kwargs,
        "group_outcomes:summary": group_kwargs,
        "GET /api/v1/groups/{group_id}/goals": {"group_id": group.pk},
        "POST /api/v1/groups/{group_id}/goals": {"group_id": group.pk},
        "PATCH /api/v1/group-goals/{goal_id}": {"goal_id": goal.pk},
        "GET /api/v1/groups/{group_id}/measures": {"group_id": group.pk},
        "POST /api/v1/groups/{group_id}/measures": {"group_id": group.pk},
        "GET /api/v1/groups/{group_id}/outcomes": {"group_id": group.pk},
        "GET /api/v1/groups/{group_id}/outcomes/summary": {"group_id": group.pk},
    }
