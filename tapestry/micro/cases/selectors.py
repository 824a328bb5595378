"""Reads of cases, starting from the access policy (person in reach, segment granted)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.micro.cases.models import Case


def cases_visible(user: User) -> QuerySet[Case]:
    """Cases whose person the user may open and whose segment they are granted."""
    return policy.visible(user, Case.objects.all())


def cases_changeable(user: User) -> QuerySet[Case]:
    """As visible, without emergency (read-only) access."""
    return policy.visible(user, Case.objects.all(), for_change=True)


def case_get(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """One case the user may see (or change); 404 if it does not exist, 403 if out of reach."""
    if not Case.objects.filter(pk=case_id).exists():
        raise Http404("No case with this number.")
    reachable = cases_changeable(user) if for_change else cases_visible(user)
    case = reachable.select_related("person", "worker", "program", "household").filter(pk=case_id).first()
    if case is None:
        raise PermissionDenied("This case is outside your caseload, or in a segment you are not granted.")
    return case


def case_detail(*, user: User, case_id: int, purpose: str = "case work") -> Case:
    """A case as its page shows it; the open is audited."""
    case = case_get(user=user, case_id=case_id)
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
        obj=case,
        person_id=case.person_id,
        fields=["case", "needs"],
        purpose=purpose,
    )
    return case
