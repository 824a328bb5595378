"""Writes to cases: opening, changing, closing, and the needs recorded on them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import Assignment, AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.mezzo.models import Program
from tapestry.micro.cases.models import Case
from tapestry.people.models import Household, Person


def case_open(
    *,
    actor: User,
    person: Person,
    case_type: str,
    presenting_problem: str,
    worker: User | None = None,
    program: Program | None = None,
    household: Household | None = None,
    referral_source: str = "",
    segment: str | None = None,
) -> Case:
    """Open a case for a person the actor may change; the worker gets the person on their caseload."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.can_change_person(actor, person):
        raise PermissionDenied("You may open cases only for people in your caseload or team.")
    worker = worker or actor
    if not policy.has_capability(worker, Capability.PERSON_READ):
        raise ValidationError({"worker": ["This person's role does not hold a caseload."]})
    case = Case(
        person=person,
        household=household,
        program=program,
        case_type=case_type,
        segment=Case.SEGMENT_OF_TYPE.get(case_type, "") if segment is None else segment,
        presenting_problem=presenting_problem,
        referral_source=referral_source,
        worker=worker,
    )
    case.full_clean()
    if case.segment and not policy.can_view_segment(actor, case.segment):
        raise PermissionDenied("You are not granted this sensitive segment, so you cannot open a case in it.")
    with transaction.atomic():
        case.save()
        active = Assignment.objects.filter(staff=worker, person=person, ended_on__isnull=True)
        if not active.exists():
            Assignment.objects.create(staff=worker, person=person, kind=Assignment.Kind.PRIMARY)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=case,
            person_id=person.pk,
            fields=["case_type", "segment", "presenting_problem", "referral_source", "worker", "program"],
        )
    return case


def case_close(*, actor: User, case: Case, reason: str, note: str = "", version: int) -> Case:
    """Close a case with a reason; a stale version is refused."""
    if not policy.visible(actor, Case.objects.filter(pk=case.pk), for_change=True).exists():
        raise PermissionDenied("You may not close this case.")
    if case.status == Case.Status.CLOSED:
        raise ValidationError({"status": ["This case is already closed."]})
    return versioned_update(
        actor=actor,
        instance=case,
        version=version,
        changes={
            "status": Case.Status.CLOSED,
            "closing_reason": reason,
            "closing_note": note,
            "closed_on": timezone.localdate(),
        },
        editable=["status", "closing_reason", "closing_note", "closed_on"],
    )
