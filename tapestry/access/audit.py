"""The append-only, hash-chained audit log: recording entries and verifying the chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from tapestry.access.models import AuditChainHead, AuditEntry, ChainCheck, User

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None
    path: str


request_context: ContextVar[RequestContext | None] = ContextVar("tapestry_request_context", default=None)


def entry_digest(entry: AuditEntry) -> str:
    """The SHA-256 of an entry's content and the hash before it, in a canonical form."""
    payload = {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "actor_username": entry.actor_username,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "person_id": entry.person_id,
        "fields": entry.fields,
        "purpose": entry.purpose,
        "ip_address": entry.ip_address,
        "path": entry.path,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _person_id_of(obj: models.Model | None) -> int | None:
    if obj is None:
        return None
    from tapestry.people.models import Person

    if isinstance(obj, Person):
        return obj.pk
    return getattr(obj, "person_id", None)


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    person_id: int | None = None,
    fields: Iterable[str] = (),
    purpose: str = "",
) -> AuditEntry:
    """Append one entry. Runs in (or opens) a transaction, so it commits with the write it records."""
    context = request_context.get()
    # No savepoint: inside a service's transaction the entry stands or falls with that write.
    with transaction.atomic(savepoint=False):
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            id=head.last_id + 1,
            at=timezone.now(),
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_username=getattr(actor, "username", "") or "",
            action=action,
            object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
            object_id=str(object_id or (obj.pk if obj is not None else "")),
            person_id=person_id if person_id is not None else _person_id_of(obj),
            fields=sorted(fields),
            purpose=purpose,
            ip_address=context.ip_address if context else None,
            path=(context.path if context else "")[:255],
            prev_hash=head.last_hash,
        )
        entry.hash = entry_digest(entry)
        entry.save(force_insert=True)
        head.last_id = entry.id
        head.last_hash = entry.hash
        head.save(update_fields=["last_id", "last_hash"])
    return entry


def audit_view(actor: User | None, **entry: object) -> AuditEntry:
    """Record a read of person-level data: a VIEW entry (`obj`, `person_id`, `fields`, `purpose`, ...)."""
    return audit_record(actor=actor, action=AuditEntry.Action.VIEW, **entry)


def audit_form_open(
    request: HttpRequest,
    *,
    purpose: str = "",
    obj: models.Model | None = None,
    object_type: str = "",
    person_id: int | None = None,
    fields: Iterable[str] = ("name",),
) -> None:
    """Record that a form naming a person (or the case, note, report it adds to) was opened.

    Showing the form is a read of that record, so a GET writes a VIEW entry. A POST writes none
    here: one that saves is recorded as its write, and one that fails shows again the form its
    GET already recorded. The purpose defaults to the form's route name, never its title, which
    may quote the record (a goal, a task) into a log that holds no client data.
    """
    if request.method == "POST":
        return
    if not purpose:
        match = request.resolver_match
        purpose = f"form: {match.view_name}" if match else "form"
    audit_view(
        request.user,
        obj=obj,
        object_type=object_type,
        person_id=person_id,
        fields=fields,
        purpose=purpose,
    )


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def audit_verify() -> ChainReport:
    """Walk the chain in order and report the first entry whose link or content does not hold."""
    expected_prev = GENESIS_HASH
    expected_id = 1
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.id != expected_id:
            return ChainReport(checked, expected_id, f"entry {expected_id} is missing")
        if entry.prev_hash != expected_prev:
            return ChainReport(checked, entry.id, "its link to the previous entry does not match")
        if entry_digest(entry) != entry.hash:
            return ChainReport(checked, entry.id, "its content was changed after it was written")
        expected_prev = entry.hash
        expected_id += 1
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_id != checked or head.last_hash != expected_prev):
        return ChainReport(checked, checked + 1, "entries after the last one found were removed")
    return ChainReport(checked)


def chain_check_run(check: ChainCheck) -> ChainCheck:
    """Verify the chain now and store the outcome on `check`, with the head hash to keep elsewhere."""
    report = audit_verify()
    head = AuditChainHead.objects.filter(pk=1).first()
    check.checked = report.checked
    check.broken_at = report.broken_at
    check.problem = report.problem
    check.head_hash = head.last_hash if head is not None else GENESIS_HASH
    check.finished_at = timezone.now()
    check.save()
    return check
