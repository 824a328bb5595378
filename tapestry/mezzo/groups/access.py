"""Who runs a group: its facilitators, and the supervisors of those facilitators."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tapestry.access import policy
from tapestry.access.models import User


def groups_run_by(user: User) -> QuerySet:
    """The pks of the groups this user facilitates or oversees as a facilitator's supervisor."""
    from tapestry.mezzo.groups.models import Group

    return Group.objects.filter(Q(facilitators=user) | Q(facilitators__supervisor=user)).values("pk")


def runs_group(user: User, group_id: int) -> bool:
    """Whether the user runs the group: their role may run groups, and the group is among theirs."""
    return policy.has_capability(user, policy.Capability.GROUP_RUN) and (
        groups_run_by(user).filter(pk=group_id).exists()
    )


# How a row about one member (attendance, a mention, a measure) reaches them: through the membership.
# Their caseworker sees their own client's rows, the people who run the group the whole group's;
# a group in a sensitive segment needs that segment's grant.
THROUGH_MEMBERSHIP = policy.PersonLink(
    path="membership__person",
    segment_field="membership__group__segment",
    run_by=("membership__group", groups_run_by),
)
