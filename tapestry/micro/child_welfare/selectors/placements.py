"""Reads of one placement or court hearing, to act on it; opens are audited."""

from __future__ import annotations

from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.micro.child_welfare.models import (
    Hearing,
    Placement,
)
from tapestry.micro.child_welfare.selectors.access import _one


def placement_get(*, user: User, placement_id: int, for_change: bool = False) -> Placement:
    """One placement; opening it (to end it) is audited."""
    placement = _one(
        user,
        Placement.objects.select_related("case", "child", "carer_person", "carer_organisation").annotate(
            carer_person_nameable=policy.nameable(user, "carer_person")
        ),
        placement_id,
        for_change=for_change,
        what=gettext("placement"),
    )
    audit_view(
        user,
        obj=placement,
        person_id=placement.case.person_id,
        fields=["child", "placement_type", "carer", "dates"],
        purpose="placement",
    )
    return placement


def hearing_get(*, user: User, hearing_id: int, for_change: bool = False) -> Hearing:
    """One court hearing; opening it (to record the outcome) is audited."""
    hearing = _one(
        user,
        Hearing.objects.select_related("case", "court", "child"),
        hearing_id,
        for_change=for_change,
        what=gettext("hearing"),
    )
    audit_view(
        user,
        obj=hearing,
        person_id=hearing.case.person_id,
        fields=["court", "hearing_type", "scheduled_at", "outcome"],
        purpose="court hearing",
    )
    return hearing
