"""How every child-welfare read starts: the segment grant, one record in reach, the audit entry."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.child_welfare.services import NOT_GRANTED


def require_segment(user: User) -> None:
    """Refuse anyone not granted the child-welfare segment, before any record is read."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        raise PermissionDenied("Your role does not open client records.")
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        raise PermissionDenied(NOT_GRANTED)


def _audit_view(user: User, obj: models.Model, *, person_id: int, fields: list[str], purpose: str) -> None:
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
        obj=obj,
        person_id=person_id,
        fields=fields,
        purpose=purpose,
    )


def _one(user: User, queryset: QuerySet, pk: int, *, for_change: bool, what: str) -> models.Model:
    """One record: 404 if there is none, 403 if the user may not see (or change) it."""
    missing = f"There is no {what} with this number."
    if not queryset.model.objects.filter(pk=pk).exists():
        raise Http404(missing)
    require_segment(user)
    found = policy.visible(user, queryset, for_change=for_change).filter(pk=pk).first()
    if found is None:
        if for_change and policy.visible(user, queryset.model.objects.filter(pk=pk)).exists():
            raise PermissionDenied(f"You may read this {what} but not change it.")
        policy.refuse_out_of_reach(
            user,
            missing=missing,
            detail=f"This {what} is outside your caseload and your team's.",
            person_id=policy.person_of(queryset.model, pk),
        )
    return found


def _named(user: User, *fields: str) -> dict[str, Q]:
    """`<field>_nameable` annotations: whether the viewer may see each person by name (policy.nameable)."""
    return {f"{field}_nameable": policy.nameable(user, field) for field in fields}
