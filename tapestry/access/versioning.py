"""Optimistic concurrency: apply an edit only if the record is still at the version it was read at."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User

Versioned = TypeVar("Versioned", bound=models.Model)


def versioned_update(
    *,
    actor: User,
    instance: Versioned,
    version: int,
    changes: dict[str, Any],
    editable: Iterable[str],
    clean_exclude: Iterable[str] = (),
) -> Versioned:
    """Lock the row, refuse a stale version, write only what changed, bump the version, audit it."""
    unknown = set(changes) - set(editable)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed here."] for name in unknown})
    with transaction.atomic():
        current = type(instance).objects.select_for_update().get(pk=instance.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, changes[name])
        current.full_clean(exclude=list(clean_exclude))
        if changed:
            current.version += 1
            current.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=current, fields=changed)
    return current
