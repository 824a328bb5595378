"""Who runs a group: its facilitators, and the supervisors of those facilitators."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tapestry.access.models import User


def groups_run_by(user: User) -> QuerySet:
    """The pks of the groups this user facilitates or oversees as a facilitator's supervisor."""
    from tapestry.mezzo.groups.models import Group

    return Group.objects.filter(Q(facilitators=user) | Q(facilitators__supervisor=user)).values("pk")
