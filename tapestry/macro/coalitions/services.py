"""Every write of coalitions: the coalition, its members, goals, meetings and action items.

Policy work (`policy.work`) is needed for each; every write is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership, SharedGoal
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.web.records import create_record, update_record

COALITION_FIELDS = ("name", "purpose", "status", "our_lead", "formed_on", "ended_on")


def _require(actor: User) -> None:
    require_capability(actor, Capability.POLICY_WORK)


def _refuse_ended(coalition: Coalition) -> None:
    if coalition.status == Coalition.Status.ENDED:
        raise ValidationError(
            gettext("This coalition has ended; reopen it before recording more of its work.")
        )


def coalition_create(*, actor: User, needs: Iterable[Need] = (), **fields: Any) -> Coalition:
    _require(actor)
    coalition = Coalition(created_by=actor, **fields)
    return create_record(actor, coalition, fields=[*fields, "needs"], related={"needs": list(needs)})


def coalition_update(
    *,
    actor: User,
    coalition: Coalition,
    version: int,
    changes: dict[str, Any],
    needs: Iterable[Need] | None = None,
) -> Coalition:
    _require(actor)

    def set_needs(locked: Coalition, changed: list[str]) -> list[str]:
        if needs is None:
            return []
        wanted = {need.pk for need in needs}
        if wanted == set(locked.needs.values_list("pk", flat=True)):
            return []
        locked.needs.set(wanted)
        return ["needs"]

    return versioned_update(
        actor=actor,
        instance=coalition,
        version=version,
        changes=changes,
        editable=COALITION_FIELDS,
        related=set_needs,
    )


def member_add(
    *,
    actor: User,
    coalition: Coalition,
    organisation: Organisation,
    role: str,
    commitments: str = "",
    joined_on: dt.date | None = None,
) -> Membership:
    _require(actor)
    _refuse_ended(coalition)
    if coalition.memberships.filter(organisation=organisation, left_on__isnull=True).exists():
        raise ValidationError(
            {
                "organisation": [
                    gettext("%(organisation)s is already a member of %(coalition)s.")
                    % {"organisation": organisation, "coalition": coalition}
                ]
            }
        )
    membership = Membership(
        coalition=coalition,
        organisation=organisation,
        role=role,
        commitments=commitments.strip(),
        joined_on=joined_on or timezone.localdate(),
        created_by=actor,
    )
    return create_record(
        actor,
        membership,
        fields=["coalition", "organisation", "role", "commitments", "joined_on"],
        validate_constraints=False,
    )


def member_leave(*, actor: User, membership: Membership, left_on: dt.date | None = None) -> Membership:
    _require(actor)
    if membership.left_on is not None:
        raise ValidationError(
            gettext("%(organisation)s already left on %(date)s.")
            % {"organisation": membership.organisation, "date": f"{membership.left_on:%Y-%m-%d}"}
        )
    if membership.action_items.filter(done_on__isnull=True).exists():
        raise ValidationError(
            gettext("%(organisation)s still owns open action items: hand them on or mark them done first.")
            % {"organisation": membership.organisation}
        )
    membership.left_on = left_on or timezone.localdate()
    membership.full_clean(validate_constraints=False)
    return update_record(actor, membership, columns=["left_on"])


def goal_add(
    *, actor: User, coalition: Coalition, goal: str, target_date: dt.date | None = None
) -> SharedGoal:
    _require(actor)
    _refuse_ended(coalition)
    record = SharedGoal(coalition=coalition, goal=goal.strip(), target_date=target_date, created_by=actor)
    return create_record(actor, record, fields=["coalition", "goal", "target_date"])


def goal_set_status(*, actor: User, goal: SharedGoal, status: str) -> SharedGoal:
    _require(actor)
    goal.status = status
    goal.full_clean()
    return update_record(actor, goal, columns=["status"])


def meeting_record(
    *,
    actor: User,
    coalition: Coalition,
    held_on: dt.date,
    place: str = "",
    summary: str = "",
    decisions: str = "",
    attending: Iterable[Membership] = (),
    actions: Iterable[dict[str, Any]] = (),
) -> Meeting:
    """A meeting with who came, what was decided, and the action items agreed, all or nothing."""
    _require(actor)
    _refuse_ended(coalition)
    attending = list(attending)
    if any(member.coalition_id != coalition.pk for member in attending):
        raise ValidationError({"attending": [gettext("Choose members of this coalition.")]})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [gettext("Record a meeting once it has been held.")]})
    meeting = Meeting(
        coalition=coalition,
        held_on=held_on,
        place=place.strip(),
        summary=summary.strip(),
        decisions=decisions.strip(),
        created_by=actor,
    )
    with transaction.atomic():
        create_record(
            actor,
            meeting,
            fields=["coalition", "held_on", "place", "summary", "decisions", "attending"],
            related={"attending": attending},
        )
        for number, action in enumerate(actions, start=1):
            try:
                action_add(actor=actor, coalition=coalition, meeting=meeting, **action)
            except ValidationError as error:
                raise ValidationError(
                    {
                        "actions": [
                            gettext("Action %(number)s: %(message)s") % {"number": number, "message": message}
                            for message in error.messages
                        ]
                    }
                ) from error
    return meeting


def action_add(
    *,
    actor: User,
    coalition: Coalition,
    action: str,
    due_on: dt.date,
    owner: Membership | None = None,
    our_owner: User | None = None,
    meeting: Meeting | None = None,
) -> ActionItem:
    _require(actor)
    _refuse_ended(coalition)
    if owner is not None and owner.left_on is not None:
        raise ValidationError(
            {
                "owner": [
                    gettext("%(organisation)s has left the coalition.") % {"organisation": owner.organisation}
                ]
            }
        )
    item = ActionItem(
        coalition=coalition,
        meeting=meeting,
        action=action.strip(),
        owner=owner,
        our_owner=our_owner,
        due_on=due_on,
        created_by=actor,
    )
    return create_record(
        actor, item, fields=["coalition", "meeting", "action", "owner", "our_owner", "due_on"]
    )


def action_update(*, actor: User, item: ActionItem, version: int, changes: dict[str, Any]) -> ActionItem:
    """Change an action item (its owner, due date, or mark it done with `done_on`)."""
    _require(actor)
    return versioned_update(
        actor=actor,
        instance=item,
        version=version,
        changes=changes,
        editable=("action", "owner", "our_owner", "due_on", "done_on"),
    )
