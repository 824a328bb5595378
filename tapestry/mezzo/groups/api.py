"""API routes of groups: the catalogue, creating and changing groups, members, exits, the calendar."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from tapestry.access.models import User
from tapestry.mezzo.groups import ical, selectors, services
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.schemas import (
    ExitIn,
    GroupIn,
    GroupKind,
    GroupMemberIn,
    GroupMemberOut,
    GroupOut,
    GroupPatch,
    MemberStatus,
)
from tapestry.micro.cases.selectors import program_by_id
from tapestry.needs.models import Need
from tapestry.places.models import Area
from tapestry.places.selectors import area_by_id
from tapestry.programs.models import Program
from tapestry.web.ids import picked, referenced
from tapestry.web.schemas import error_responses, paged_get

router = Router(tags=["groups"])


def _refused(error: ValidationError) -> Status:
    """A rule the request broke: 409 when the group's state is in the way (full, already a member), else 422."""
    if isinstance(error, services.EnrolmentRefused):
        status = 409 if error.reason in ("full", "duplicate") else 422
        return Status(status, {"detail": error.message_text, "errors": {"__all__": [error.message_text]}})
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return Status(422, {"detail": "The request has invalid fields.", "errors": errors})


def _facilitators(ids: list[int]) -> list[User]:
    return picked(
        selectors.active_staff(ids), ids, "facilitator_ids", "No active staff member has the number"
    )


def _needs(codes: list[str]) -> list[Need]:
    found = selectors.needs_by_code(codes)
    missing = [code for code in codes if code not in found]
    if missing:
        raise ValidationError(
            {"focus_needs": [f"No need has the code “{code}”; see GET /api/v1/needs." for code in missing]}
        )
    return [found[code] for code in codes]


def _area(area_id: int | None) -> Area | None:
    if area_id is None:
        return None
    return referenced("area_id", lambda: area_by_id(area_id), "No area with this number.")


def _program(program_id: int | None) -> Program | None:
    if program_id is None:
        return None
    return referenced("program_id", lambda: program_by_id(program_id), "No program with this number.")


# Groups -------------------------------------------------------------------------------------


@paged_get(
    router,
    "/groups",
    GroupOut,
    errors=(422,),
    summary="The catalogue of groups",
    description=(
        "Public facts of every planned or running group (no member in them). Filter by kind, need code, "
        "program. `capacity` and `seats_left` are given only for groups the caller runs (null otherwise); "
        "everyone gets `availability`, a band with no number in it."
    ),
)
def group_list(
    request: HttpRequest,
    kind: GroupKind | None = None,
    need: str = Query("", max_length=60, description="A need code."),
    program_id: int | None = None,
    area_id: int | None = Query(None, description="Groups meeting in this area or an area inside it."),
    mine: bool = Query(False, description="Only the groups you run."),
    include_ended: bool = False,
) -> QuerySet[Group]:
    return selectors.group_list(
        user=request.user,
        kind=kind or "",
        need=need,
        program_id=program_id,
        area_id=area_id,
        mine=mine,
        include_ended=include_ended,
    )


@router.post(
    "/groups",
    response={201: GroupOut, **error_responses(400, 409, 422)},
    summary="Set up a group",
    description="Every facilitator's role must include running groups.",
)
def group_create(request: HttpRequest, payload: GroupIn) -> Status:
    facts = payload.model_dump(exclude={"facilitator_ids", "focus_needs", "program_id", "area_id"})
    try:
        group = services.group_create(
            actor=request.user,
            facilitators=_facilitators(payload.facilitator_ids),
            focus_needs=_needs(payload.focus_needs),
            program=_program(payload.program_id),
            area=_area(payload.area_id),
            **facts,
        )
    except ValidationError as error:
        return _refused(error)
    return Status(201, selectors.group_get(user=request.user, group_id=group.pk))


@router.get(
    "/groups/{group_id}",
    response={200: GroupOut, **error_responses(404, 422)},
    summary="A group's public facts",
    description=(
        "`capacity` and `seats_left` only for those who run the group (null otherwise: their difference "
        "is the number of members); `availability` for everyone: places_available, nearly_full, full, "
        "full_waiting_list."
    ),
)
def group_detail(request: HttpRequest, group_id: int) -> Group:
    return selectors.group_get(user=request.user, group_id=group_id)


@router.patch(
    "/groups/{group_id}",
    response={200: GroupOut, **error_responses(400, 404, 409, 422)},
    summary="Change a group you run",
    description=(
        "Send the `version` you read and only the fields you change; if the group changed since, the answer "
        "is 409 and nothing is saved. Raising `capacity` moves people in from the waiting list, in order."
    ),
)
def group_update(request: HttpRequest, group_id: int, payload: GroupPatch) -> Any:
    group = selectors.group_get_run(user=request.user, group_id=group_id)
    sent = payload.model_dump(exclude_unset=True, exclude={"version", "facilitator_ids", "focus_needs"})
    try:
        changes: dict[str, Any] = {}
        for name, value in sent.items():
            if name == "program_id":
                changes["program"] = _program(value)
            elif name == "area_id":
                changes["area"] = _area(value)
            elif value is None and name not in ("session_count", "ends_on"):
                raise ValidationError({name: ["This field cannot be empty."]})
            else:
                changes[name] = value
        services.group_update(
            actor=request.user,
            group=group,
            version=payload.version,
            changes=changes,
            facilitators=_facilitators(payload.facilitator_ids)
            if payload.facilitator_ids is not None
            else None,
            focus_needs=_needs(payload.focus_needs) if payload.focus_needs is not None else None,
        )
    except ValidationError as error:
        return _refused(error)
    return selectors.group_get(user=request.user, group_id=group_id)


# Members ------------------------------------------------------------------------------------


@paged_get(
    router,
    "/groups/{group_id}/members",
    GroupMemberOut,
    summary="The members of a group you may see",
    description=(
        "Those who run the group see everyone (enrolled, waiting in order, exited); a caseworker sees their "
        "own clients only. The read is written to the audit log."
    ),
)
def group_member_list(
    request: HttpRequest, group_id: int, status: MemberStatus | None = None
) -> QuerySet[Membership]:
    return selectors.roster_read(user=request.user, group_id=group_id, status=status or "")


@router.post(
    "/groups/{group_id}/members",
    response={201: GroupMemberOut, **error_responses(400, 404, 409, 422)},
    summary="Enrol a client from their case, or register a community member",
    description=(
        "Send `case_id` to enrol a client (you must be able to change the case), or `given_name` and "
        "`family_name` to register a community member into a group you run. A full group puts the person "
        "on the waiting list, or answers 409 when `wait_list` is false; someone already in the group is 409; "
        "a closed group after its first session is 422."
    ),
)
def group_member_add(request: HttpRequest, group_id: int, payload: GroupMemberIn) -> Status:
    group = selectors.group_get(user=request.user, group_id=group_id)
    try:
        if payload.case_id is not None:
            if payload.given_name or payload.family_name:
                raise ValidationError(
                    {"case_id": ["Send either a case or a community member's names, not both."]}
                )
            case = selectors.case_changeable_for_groups(user=request.user, case_id=payload.case_id)
            membership = services.membership_enrol_from_case(
                actor=request.user,
                group=group,
                case=case,
                wait_list=payload.wait_list,
                joined_on=payload.joined_on,
            )
        else:
            missing = {
                name: ["Give the community member's name, or send a case_id to enrol a client."]
                for name in ("given_name", "family_name")
                if not getattr(payload, name)
            }
            if missing:
                raise ValidationError(missing)
            membership = services.community_member_register(
                actor=request.user,
                group=group,
                member=services.CommunityMember(**payload.model_dump(include=set(services.MEMBER_FIELDS))),
                wait_list=payload.wait_list,
                joined_on=payload.joined_on,
            )
    except ValidationError as error:
        return _refused(error)
    return Status(201, selectors.membership_get(user=request.user, membership_id=membership.pk))


@router.post(
    "/groups/{group_id}/members/{membership_id}/exit",
    response={200: GroupMemberOut, **error_responses(400, 404, 409, 422)},
    summary="A member leaves the group (or the waiting list), with a reason",
    description="The freed place goes to the first person waiting. Send the membership's `version`; stale is 409.",
)
def group_member_exit(request: HttpRequest, group_id: int, membership_id: int, payload: ExitIn) -> Any:
    membership = selectors.membership_get(user=request.user, membership_id=membership_id, for_change=True)
    if membership.group_id != group_id:
        return Status(404, {"detail": "No member with this number in this group.", "errors": {}})
    try:
        services.membership_exit(actor=request.user, membership=membership, **payload.model_dump())
    except ValidationError as error:
        return _refused(error)
    return selectors.membership_get(user=request.user, membership_id=membership_id)


@router.get(
    "/groups/{group_id}/calendar.ics",
    response={200: str, **error_responses(404, 422)},
    summary="The group's schedule as iCalendar",
    description="One repeating event in the agency's time zone; no member is named.",
)
def group_calendar(request: HttpRequest, group_id: int) -> HttpResponse:
    group = selectors.group_get(user=request.user, group_id=group_id)
    return ical.ics_response([group], f"group-{group.pk}.ics")
