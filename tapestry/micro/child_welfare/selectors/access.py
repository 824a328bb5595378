"""How every child-welfare read starts: the segment grant and one record in reach."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.child_welfare.services import NOT_GRANTED


def require_segment(user: User) -> None:
    """Refuse anyone not granted the child-welfare segment, before any record is read."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        raise PermissionDenied(gettext("Your role does not open client records."))
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        raise PermissionDenied(NOT_GRANTED)


def _one(user: User, queryset: QuerySet, pk: int, *, for_change: bool, what: str) -> models.Model:
    """One record: 404 if there is none, 403 if the user may not see (or change) it."""
    return policy.one_in_reach(
        user,
        queryset,
        pk,
        for_change=for_change,
        missing=gettext("There is no %(what)s with this number.") % {"what": what},
        detail=gettext("This %(what)s is outside your caseload and your team's.") % {"what": what},
        read_only=gettext("You may read this %(what)s but not change it.") % {"what": what},
        require=require_segment,
    )


def _named(user: User, *fields: str) -> dict[str, Q]:
    """`<field>_nameable` annotations: whether the viewer may see each person by name (policy.nameable)."""
    return {f"{field}_nameable": policy.nameable(user, field) for field in fields}
