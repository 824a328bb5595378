"""Writes to programs: adding the services an agency runs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.mezzo.models import Program


def program_create(*, actor: User, name: str, description: str = "", is_active: bool = True) -> Program:
    """Add a program; names are unique, whatever their capitals."""
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    name = name.strip()
    if Program.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": ["A program with this name already exists."]})
    program = Program(name=name, description=description.strip(), is_active=is_active)
    program.full_clean()
    with transaction.atomic():
        program.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=program,
            fields=["name", "description", "is_active"],
        )
    return program
