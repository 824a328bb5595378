"""Optimistic concurrency: apply an edit only if the record is still at the version it was read at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    person_id: int | None = None,
    refuse: Callable[[Versioned], None] | None = None,
    related: Callable[[Versioned, list[str]], Iterable[str]] | None = None,
    savepoint: bool = True,
) -> Versioned:
    """Lock the row, refuse a stale version, write only what changed, bump the version, audit it.

    `refuse(locked row)` may raise before the version is compared (a note signed meanwhile).
    `related(locked row, changed field names)` sets what is not a column (many-to-many) once the
    fields are clean and returns the names it changed: one version and one audit entry cover both. `person_id` names
    whose record it is where the record has no `person_id` of its own.
    `savepoint=False` is for a caller already inside its own `transaction.atomic()` that lets any error
    out of it: the edit then joins that transaction instead of costing a SAVEPOINT and a RELEASE, and an
    error rolls back the caller's whole block (as it would anyway once it propagates).
    """
    unknown = set(changes) - set(editable)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed here."] for name in unknown})
    with transaction.atomic(savepoint=savepoint):
        current = type(instance).objects.select_for_update().get(pk=instance.pk)
        if refuse is not None:
            refuse(current)
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, changes[name])
        current.full_clean(exclude=list(clean_exclude))
        if related is not None:
            changed.extend(related(current, changed))
        if changed:
            current.version += 1
            current.save()
            audit_record(
                actor=actor, action=AuditEntry.Action.UPDATE, obj=current, person_id=person_id, fields=changed
            )
    return current


def versioned_save(
    *,
    actor: User,
    model: type[Versioned],
    lookup: dict[str, Any],
    version: int,
    changes: dict[str, Any],
    editable: Iterable[str],
    person_id: int | None = None,
    created_with: dict[str, Any] | None = None,
    clean_exclude: Iterable[str] = (),
) -> Versioned:
    """Save the one record `lookup` names: version 0 creates it, any other version must be current.

    For records there is one of per case (a support plan, a treatment plan): an editor who
    thought a record existed when it does not gets a StaleEdit rather than a silent create.
    """
    editable = list(editable)
    unknown = set(changes) - set(editable)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed here."] for name in sorted(unknown)})
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return versioned_update(
            actor=actor,
            instance=existing,
            version=version,
            changes=changes,
            editable=editable,
            clean_exclude=clean_exclude,
        )
    if version != 0:
        raise StaleEdit(0)
    record = model(**lookup, **(created_with or {}), **changes)
    record.full_clean(exclude=list(clean_exclude), validate_constraints=False)
    with transaction.atomic():
        record.save()
        audit_record(
            actor=actor, action=AuditEntry.Action.CREATE, obj=record, person_id=person_id, fields=editable
        )
    return record


def versioned_edit(actor: User, instance: Versioned, version: int, **changes: Any) -> Versioned:
    """`versioned_update` for an edit that may change exactly the fields it sends: `changes` are the
    editable fields, and a stale `version` is refused as there."""
    return versioned_update(
        actor=actor, instance=instance, version=version, changes=changes, editable=list(changes)
    )
