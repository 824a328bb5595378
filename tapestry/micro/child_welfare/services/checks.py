"""Checks every child-welfare write shares: the segment grant, the case, who may be named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case
from tapestry.people.models import Person

NOT_GRANTED = (
    "Child-welfare records need the child-welfare segment grant. Ask your supervisor if your work needs it."
)


def _require_segment(actor: User) -> None:
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.can_view_segment(actor, Segment.CHILD_WELFARE):
        raise PermissionDenied(NOT_GRANTED)


def _require_case(actor: User, case: Case) -> None:
    """The actor may change this case, it is a child-welfare case, and it is not closed."""
    _require_segment(actor)
    if not policy.visible(actor, Case.objects.filter(pk=case.pk), for_change=True).exists():
        raise PermissionDenied("You may not change this case.")
    if case.case_type != Case.Type.CHILD_WELFARE:
        raise ValidationError(
            {"case": ["Child-welfare records go on a child-welfare case. Open one for this family first."]}
        )
    if case.status == Case.Status.CLOSED:
        raise ValidationError({"case": ["This case is closed. Reopen it before adding to it."]})


def _require_changeable(actor: User, record: models.Model) -> None:
    _require_segment(actor)
    model = type(record)
    if not policy.visible(actor, model.objects.filter(pk=record.pk), for_change=True).exists():
        raise PermissionDenied(f"You may not change this {model._meta.verbose_name}.")


def _require_person(actor: User, person: Person | None, field: str) -> None:
    """Anyone named on a record must be someone the actor may open (register them first if not)."""
    if person is not None and not policy.can_view_person(actor, person):
        raise ValidationError(
            # Only the number the caller sent: naming the person would leak who holds that record.
            {
                field: [
                    f"Person {person.pk} is not in your caseload or your team's. Register or assign them first."
                ]
            }
        )


def _not_in_future(day: dt.date | None, field: str, what: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: [f"{what} cannot be in the future."]})


def _create(actor: User, instance: models.Model, *, person_id: int, fields: Sequence[str]) -> None:
    instance.save()
    audit_record(
        actor=actor, action=AuditEntry.Action.CREATE, obj=instance, person_id=person_id, fields=fields
    )
