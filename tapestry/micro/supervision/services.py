"""Writes of supervision: record a supervision session, dismiss a duplicate pair as two people."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.micro.supervision.models import DuplicateDismissal, SupervisionSession
from tapestry.web.records import create_record


def supervision_record(
    *, actor: User, worker: User, next_due_on: date, held_on: date | None = None
) -> SupervisionSession:
    """Record a supervision session the actor held with one of their supervisees."""
    policy.require_capability(actor, policy.Capability.SUPERVISE)
    if worker.supervisor_id != actor.pk or not worker.is_active:
        raise ValidationError({"worker": [gettext("You do not supervise this worker.")]})
    session = SupervisionSession(
        worker=worker, supervisor=actor, held_on=held_on or timezone.localdate(), next_due_on=next_due_on
    )
    if session.held_on > timezone.localdate():
        raise ValidationError({"held_on": ["A session is recorded once it has been held."]})
    return create_record(actor, session, fields=["worker", "held_on", "next_due_on"])


def duplicate_dismiss(*, actor: User, first_id: int, second_id: int, reason: str) -> DuplicateDismissal:
    """Record that two persons the actor may see are not the same person, so the pair is not offered again."""
    policy.require_capability(actor, policy.Capability.PERSON_MERGE)
    if first_id == second_id:
        raise ValidationError({"second": [gettext("Choose two different records.")]})
    found = {p.pk: p for p in policy.persons_visible(actor).filter(pk__in=[first_id, second_id])}
    if set(found) != {first_id, second_id}:
        raise ValidationError({"second": [gettext("You may not see both of these records.")]})
    if not reason.strip():
        raise ValidationError({"reason": [gettext("Say why these are two different people.")]})
    first, second = found[first_id], found[second_id]
    low, high = sorted((first, second), key=lambda person: person.pk)
    dismissal = DuplicateDismissal(first=low, second=high, dismissed_by=actor, reason=reason.strip())
    if DuplicateDismissal.objects.filter(first=low, second=high).exists():
        raise ValidationError({"second": [gettext("This pair has already been dismissed.")]})
    try:
        with transaction.atomic():
            create_record(
                actor,
                dismissal,
                fields=["first", "second", "reason"],
                person_id=low.pk,
                validate_constraints=False,
                purpose="duplicates queue: not the same person",
            )
            # The pair is about both records: an audit search by either finds it.
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=dismissal,
                person_id=high.pk,
                fields=["first", "second", "reason"],
                purpose="duplicates queue: not the same person",
            )
    except IntegrityError as clash:
        raise ValidationError({"second": [gettext("This pair has already been dismissed.")]}) from clash
    return dismissal
