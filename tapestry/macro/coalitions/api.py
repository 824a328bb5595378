"""API routes of coalitions: the coalition, members, goals, meetings and action items."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.macro import choices
from tapestry.macro.coalitions import selectors, services
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership, SharedGoal
from tapestry.macro.coalitions.schemas import (
    CoalitionActionOut,
    CoalitionActionPatch,
    CoalitionGoalIn,
    CoalitionGoalOut,
    CoalitionIn,
    CoalitionListOut,
    CoalitionMeetingIn,
    CoalitionMeetingOut,
    CoalitionMemberIn,
    CoalitionMemberOut,
    CoalitionOut,
    CoalitionPatch,
    CoalitionStatus,
)
from tapestry.web.ids import picked, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["coalitions"])


def _coalition_records(data: dict[str, Any]) -> dict[str, Any]:
    resolve_ids(
        data,
        {"our_lead_id": (choices.staff_member, "No active member of staff with this number.")},
        nullable=("our_lead_id",),
    )
    if data.get("needs") is not None:
        data["needs"] = choices.needs_by_code(data["needs"])
    return data


def _action_records(coalition: Coalition, data: dict[str, Any]) -> dict[str, Any]:
    members = selectors.current_members(coalition)
    return resolve_ids(
        data,
        {
            "owner_id": (
                lambda pk: members.filter(pk=pk).first(),
                "No current member of this coalition with this number.",
            ),
            "our_owner_id": (choices.staff_member, "No active member of staff with this number."),
        },
        nullable=("owner_id", "our_owner_id"),
    )


@paged_get(
    router,
    "/coalitions",
    CoalitionListOut,
    errors=(422,),
    summary="List coalitions",
    description="With their current members and open and overdue action items counted.",
)
def coalition_list(request: HttpRequest, status: CoalitionStatus | None = None) -> QuerySet[Coalition]:
    return selectors.coalition_list(user=request.user, status=status or "")


@created(router, "/coalitions", CoalitionOut, errors=(400, 422), summary="Record a coalition")
def coalition_create(request: HttpRequest, payload: CoalitionIn) -> Coalition:
    data = _coalition_records(payload.model_dump())
    coalition = services.coalition_create(actor=request.user, **data)
    return selectors.coalition_get(user=request.user, coalition_id=coalition.pk)


@router.get(
    "/coalitions/{coalition_id}",
    response={200: CoalitionOut, **error_responses(404, 422)},
    summary="Open a coalition",
)
def coalition_detail(request: HttpRequest, coalition_id: int) -> Coalition:
    return selectors.coalition_get(user=request.user, coalition_id=coalition_id)


@router.patch(
    "/coalitions/{coalition_id}",
    response={200: CoalitionOut, **error_responses(400, 404, 409, 422)},
    summary="Change a coalition",
    description="Send the `version` you read; if the coalition changed since, the answer is 409 and nothing is saved.",
)
def coalition_update(request: HttpRequest, coalition_id: int, payload: CoalitionPatch) -> Coalition:
    coalition = selectors.coalition_get(user=request.user, coalition_id=coalition_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("name", "purpose", "status", "formed_on", "needs"))
    changes = _coalition_records(changes)
    services.coalition_update(
        actor=request.user,
        coalition=coalition,
        version=payload.version,
        needs=changes.pop("needs", None),
        changes=changes,
    )
    return selectors.coalition_get(user=request.user, coalition_id=coalition_id)


@created(
    router, "/coalitions/{coalition_id}/members", CoalitionMemberOut, summary="Add a member organisation"
)
def coalition_member_add(request: HttpRequest, coalition_id: int, payload: CoalitionMemberIn) -> Membership:
    coalition = selectors.coalition_get(user=request.user, coalition_id=coalition_id)
    data = resolve_ids(
        payload.model_dump(),
        {
            "organisation_id": (
                choices.organisation,
                "No organisation with this number.",
            )
        },
    )
    return services.member_add(actor=request.user, coalition=coalition, **data)


@router.post(
    "/coalition-members/{member_id}/leave",
    response={200: CoalitionMemberOut, **error_responses(400, 404)},
    summary="Record that a member organisation left",
    description="Refused with 400 while the member still owns open action items.",
)
def coalition_member_leave(request: HttpRequest, member_id: int) -> Membership:
    member = selectors.membership_get(user=request.user, membership_id=member_id)
    return services.member_leave(actor=request.user, membership=member)


@created(router, "/coalitions/{coalition_id}/goals", CoalitionGoalOut, summary="Add a shared goal")
def coalition_goal_add(request: HttpRequest, coalition_id: int, payload: CoalitionGoalIn) -> SharedGoal:
    coalition = selectors.coalition_get(user=request.user, coalition_id=coalition_id)
    return services.goal_add(actor=request.user, coalition=coalition, **payload.model_dump())


@created(
    router,
    "/coalitions/{coalition_id}/meetings",
    CoalitionMeetingOut,
    summary="Record a meeting",
    description="The meeting, who came, its decisions and the action items agreed: all saved, or none.",
)
def coalition_meeting_record(request: HttpRequest, coalition_id: int, payload: CoalitionMeetingIn) -> Meeting:
    coalition = selectors.coalition_get(user=request.user, coalition_id=coalition_id)
    data = payload.model_dump()
    data["attending"] = picked(
        selectors.current_members(coalition),
        data.pop("attending_ids"),
        "attending_ids",
        "Not current members of this coalition:",
    )
    data["decisions"] = "\n".join(data["decisions"])
    actions = []
    for number, action in enumerate(data["actions"]):
        try:
            actions.append(_action_records(coalition, action))
        except ValidationError as error:
            raise ValidationError(
                {f"actions.{number}.{name}": messages for name, messages in error.message_dict.items()}
            ) from error
    data["actions"] = actions
    return services.meeting_record(actor=request.user, coalition=coalition, **data)


@router.patch(
    "/coalition-actions/{action_id}",
    response={200: CoalitionActionOut, **error_responses(400, 404, 409, 422)},
    summary="Change an action item or mark it done",
)
def coalition_action_update(
    request: HttpRequest, action_id: int, payload: CoalitionActionPatch
) -> ActionItem:
    item = selectors.action_get(user=request.user, action_id=action_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("action", "due_on"))
    changes = _action_records(item.coalition, changes)
    return services.action_update(actor=request.user, item=item, version=payload.version, changes=changes)
