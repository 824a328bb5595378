"""Who may record and read a group's sessions: those who run the group, others get a 404."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability as C
from tapestry.mezzo.groups.access import groups_run_by
from tapestry.mezzo.groups.models import Group


def groups_running(user: User) -> QuerySet[Group]:
    """The groups whose sessions this user records: facilitated by them or their supervisees."""
    if not policy.has_capability(user, C.GROUP_RUN):
        return Group.objects.none()
    return Group.objects.filter(pk__in=groups_run_by(user))


def require_runs(user: User, group_id: int) -> None:
    """The role check comes first (403); a group the user does not run is a 404, as if absent."""
    policy.require_capability(user, C.GROUP_RUN)
    if not groups_running(user).filter(pk=group_id).exists():
        raise Http404("No group with this number among the groups you run.")
