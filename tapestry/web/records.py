"""Writing a new record the one way every service does: checked, saved and audited together."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User

Record = TypeVar("Record", bound=models.Model)


def create_record(
    actor: User,
    record: Record,
    *,
    fields: Iterable[str],
    person_id: int | None = None,
    clean: bool = True,
    exclude: list[str] | None = None,
    validate_constraints: bool = True,
    purpose: str = "",
    related: Mapping[str, Iterable[Any]] | None = None,
) -> Record:
    """Check `record` (all but the `exclude` fields, which the service already checked), then save it
    with its CREATE audit entry naming `fields`, in one transaction.

    `related` sets many-to-many fields once the row has its key, in the order given.
    `clean=False` is for a service that checked the record its own way (or not at all: a row built
    from already-checked values).
    """
    if clean:
        record.full_clean(exclude=exclude, validate_constraints=validate_constraints)
    with transaction.atomic():
        record.save()
        for name, values in (related or {}).items():
            getattr(record, name).set(values)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=record,
            person_id=person_id,
            fields=fields,
            purpose=purpose,
        )
    return record


def update_record(
    actor: User,
    record: Record,
    *,
    columns: Iterable[str],
    fields: Iterable[str] | None = None,
    person_id: int | None = None,
) -> Record:
    """Save the `columns` the service changed on `record` (and `updated_at`) with its UPDATE audit entry
    naming `fields` (the columns when not given), in one transaction.

    A caller already in its own transaction (a row it locked) is joined, without a savepoint.
    """
    columns = list(columns)
    with transaction.atomic(savepoint=False):
        record.save(update_fields=[*columns, "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=record,
            person_id=person_id,
            fields=columns if fields is None else fields,
        )
    return record


def errors_of(check: Callable[[], object]) -> dict[str, list[str]]:
    """The messages by field of the ValidationError `check()` raises, {} when it passes: for a service
    that gathers every problem of a submit (the model's own, then its rules) before refusing it once."""
    try:
        check()
    except ValidationError as error:
        return error.message_dict
    return {}
