"""Reads of programs: agency-level facts that every role with organisation access may see."""

from __future__ import annotations

from django.db.models import QuerySet

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.mezzo.models import Program


def program_list(*, user: User, active: bool | None = None) -> QuerySet[Program]:
    """All programs, by name; `active` keeps only running (True) or closed (False) ones."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    programs = Program.objects.all()
    if active is not None:
        programs = programs.filter(is_active=active)
    return programs.order_by("name")


def program_choices() -> QuerySet[Program]:
    """Programs that take new cases, for the case forms."""
    return Program.objects.filter(is_active=True).order_by("name")
