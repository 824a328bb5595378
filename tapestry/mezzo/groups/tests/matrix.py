"""URL arguments for the groups routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

import datetime as dt

from tapestry.access import policy
from tapestry.access.policy import Capability
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    # Every role that may run groups runs this one, so object-level checks let each of them through.
    runners = [u for u in world["cast"].by_role.values() if policy.has_capability(u, Capability.GROUP_RUN)]
    group = Group.objects.create(
        name="Matrix support group",
        kind=Group.Kind.SUPPORT,
        purpose="Peer support.",
        capacity=10,
        first_session_on=dt.date(2030, 1, 7),
        start_time=dt.time(18, 0),
    )
    group.facilitators.set(runners)
    case = open_case(world["cast"].caseworker, person=world["person"], segment="")
    membership = Membership.objects.create(
        group=group, person=world["person"], case=case, status=Membership.Status.ENROLLED
    )
    on_group = {"group_id": group.pk}
    return {
        "groups:group_detail": {"pk": group.pk},
        "groups:group_edit": {"pk": group.pk},
        "groups:group_calendar": {"pk": group.pk},
        "groups:member_register": {"pk": group.pk},
        "groups:membership_exit": {"pk": membership.pk},
        "groups:case_index": {"case_pk": case.pk},
        "groups:case_enrol": {"case_pk": case.pk},
        "GET /api/v1/groups/{group_id}": on_group,
        "PATCH /api/v1/groups/{group_id}": on_group,
        "GET /api/v1/groups/{group_id}/members": on_group,
        "POST /api/v1/groups/{group_id}/members": on_group,
        "POST /api/v1/groups/{group_id}/members/{membership_id}/exit": {
            "group_id": group.pk,
            "membership_id": membership.pk,
        },
        "GET /api/v1/groups/{group_id}/calendar.ics": on_group,
    }
