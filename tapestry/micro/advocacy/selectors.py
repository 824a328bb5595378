"""Reads of the advocacy log, starting from the access policy; opens are audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get, case_read_audit
from tapestry.people.models import Organisation


def _actions() -> QuerySet[AdvocacyAction]:
    return AdvocacyAction.objects.select_related("organisation", "recorded_by", "case__person")


def advocacy_actions_for_case(*, user: User, case: Case, purpose: str = "case work") -> list[AdvocacyAction]:
    """A case's advocacy log, newest first; the read is audited."""
    actions = list(policy.visible(user, _actions()).filter(case=case))
    case_read_audit(user, case, ["advocacy_actions"], purpose=purpose)
    return actions


def advocacy_action_get(*, user: User, action_id: int, for_change: bool = False) -> AdvocacyAction:
    return policy.one_in_reach(
        user,
        _actions(),
        action_id,
        for_change=for_change,
        missing="No advocacy action with this number.",
        detail=gettext_lazy(
            "This advocacy action is outside your caseload, or in a segment you are not granted."
        ),
    )


def advocacy_action_detail(
    *, user: User, action_id: int, for_change: bool = False, purpose: str = "case work"
) -> AdvocacyAction:
    """One action as its edit page shows it; the open is audited."""
    action = advocacy_action_get(user=user, action_id=action_id, for_change=for_change)
    case_read_audit(
        user, action.case, ["action_taken", "outcome", "rights_information"], purpose=purpose, obj=action
    )
    return action


@dataclass
class AdvocacyLog:
    """A case's advocacy page: the actions and a count per outcome."""

    case: Case
    actions: list[AdvocacyAction]
    outcome_counts: list[tuple[str, int]]
    can_change: bool


def advocacy_log(*, user: User, case_id: int, purpose: str = "case work") -> AdvocacyLog:
    case = case_get(user=user, case_id=case_id)
    actions = advocacy_actions_for_case(user=user, case=case, purpose=purpose)
    counts = [
        (label, sum(1 for action in actions if action.outcome == value))
        for value, label in AdvocacyAction.Outcome.choices
    ]
    can_change = policy.visible(user, Case.objects.filter(pk=case.pk), for_change=True).exists()
    return AdvocacyLog(case, actions, [(label, n) for label, n in counts if n], can_change)


def organisation_choices(*, user: User) -> QuerySet[Organisation]:
    policy.require_capability(user, policy.Capability.ORGANISATION_READ)
    return Organisation.objects.order_by("name")


def organisation_get(*, user: User, organisation_id: int) -> Organisation | None:
    """An organisation an action names, or None when there is no such number."""
    policy.require_capability(user, policy.Capability.ORGANISATION_READ)
    return Organisation.objects.filter(pk=organisation_id).first()
