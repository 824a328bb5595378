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


def group_aggregates_of(user: User, group_id: int) -> QuerySet:
    """The group, if the user may read its aggregates (counts that identify no one): any group for an
    aggregate reader, but for a program manager only the groups of their own programs. Empty otherwise."""
    from tapestry.access.models import Role
    from tapestry.mezzo.groups.models import Group
    from tapestry.programs.selectors import programs_reachable

    if not policy.has_capability(user, policy.Capability.AGGREGATE_READ):
        return Group.objects.none()
    groups = Group.objects.filter(pk=group_id)
    if user.role == Role.PROGRAM_MANAGER:
        groups = groups.filter(program__in=programs_reachable(user).values("pk"))
    return groups
