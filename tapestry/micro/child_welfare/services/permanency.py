"""Writes about permanency for a child in care: the permanency goal with its concurrent plan, and
what the agency did at 15 of the most recent 22 months (42 U.S.C. 675(5)(C) and (E))."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import Placement
from tapestry.micro.child_welfare.models.permanency import PermanencyGoal, TerminationReview
from tapestry.micro.child_welfare.services.checks import (
    _create_on_case,
    _not_in_future,
    _require_case,
    _require_person,
)
from tapestry.people.models import Person


def _current_placement(case: Case, child: Person) -> Placement | None:
    return Placement.objects.filter(case=case, child=child, ended_on__isnull=True).first()


def permanency_goal_set(
    *,
    actor: User,
    case: Case,
    child: Person,
    goal: str,
    reason: str,
    concurrent_goal: str = "",
    set_on: dt.date | None = None,
) -> PermanencyGoal:
    """Set the permanency goal (and concurrent plan) of a child in care on this case; the earlier
    goal stays as history."""
    _require_case(actor, case)
    _require_person(actor, child, "child")
    if _current_placement(case, child) is None:
        raise ValidationError(
            {
                "child": [
                    gettext(
                        "%(display_name)s has no current placement on this case; a permanency goal is for a child in care."
                    )
                    % {"display_name": child.display_name}
                ]
            }
        )
    set_on = set_on or timezone.localdate()
    _not_in_future(set_on, "set_on", gettext("The date the goal was set"))
    return _create_on_case(
        actor,
        case,
        PermanencyGoal,
        child=child,
        goal=goal,
        concurrent_goal=concurrent_goal,
        set_on=set_on,
        reason=reason.strip(),
    )


def termination_review_record(
    *,
    actor: User,
    case: Case,
    child: Person,
    decision: str,
    explanation: str,
    decided_on: dt.date | None = None,
) -> TerminationReview:
    """Record that a petition to terminate parental rights was filed, or which exception applies."""
    _require_case(actor, case)
    _require_person(actor, child, "child")
    if not Placement.objects.filter(case=case, child=child).exists():
        raise ValidationError(
            {
                "child": [
                    gettext(
                        "%(display_name)s has not been placed on this case; the TPR review is for a child in care."
                    )
                    % {"display_name": child.display_name}
                ]
            }
        )
    decided_on = decided_on or timezone.localdate()
    _not_in_future(decided_on, "decided_on", gettext("The date of the decision"))
    if decision == TerminationReview.Decision.RELATIVE_CARE:
        current = _current_placement(case, child)
        if current is None or current.placement_type != Placement.Type.KINSHIP:
            raise ValidationError(
                {
                    "decision": [
                        gettext(
                            "This exception applies only while the child is cared for by a relative (kinship care)."
                        )
                    ]
                }
            )
    return _create_on_case(
        actor,
        case,
        TerminationReview,
        child=child,
        decision=decision,
        decided_on=decided_on,
        explanation=explanation.strip(),
    )
