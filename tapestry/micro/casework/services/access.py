"""Shared by every casework write: the closed-case message, who may be named on a case, the audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import User
from tapestry.micro.cases.models import Case

# A closed case keeps its record; only finishing drafts written before closing, and addenda, go on.
CLOSED = gettext_lazy("This case is closed. Reopen it first to add to its casework.")


def require_staff_on_case(user: User, case: Case, field: str, role_word: str) -> None:
    """Owners of tasks and staff on services must be able to open the case themselves."""
    if not user.is_active or not policy.visible(user, Case.objects.filter(pk=case.pk)).exists():
        words = {"worker": gettext("worker"), "task owner": gettext("task owner")}
        message = gettext("%(user)s cannot open this case, so cannot be its %(role)s.")
        raise ValidationError({field: [message % {"user": user, "role": words.get(role_word, role_word)}]})


def audit_on_case(actor: User, action: str, obj: Any, case: Case, fields: Iterable[str]) -> None:
    audit_record(actor=actor, action=action, obj=obj, person_id=case.person_id, fields=fields)
