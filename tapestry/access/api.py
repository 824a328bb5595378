"""API routes of access: the current user and what they may do."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tapestry.access import policy, selectors
from tapestry.access.schemas import MeOut, OpenedOut
from tapestry.web.schemas import error_responses

router = Router(tags=["me"])


@router.get("/me", response=MeOut, summary="The signed-in user and their permissions")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    return MeOut(
        id=user.pk,
        username=user.username,
        full_name=user.get_full_name(),
        role=user.role,
        role_label=user.get_role_display(),
        capabilities=sorted(policy.capabilities_of(user)),
        segments=sorted(policy.segments_granted(user)),
        teams=selectors.team_names_of(user=user),
    )


@router.get(
    "/break-glass-accesses/{access_id}/opened",
    response={200: list[OpenedOut], **error_responses(404)},
    summary="What an emergency access opened",
    description=(
        "For a reviewer of the access: the audit entries of its user about its person, from its opening "
        "to its end, oldest first."
    ),
    tags=["break-glass"],
)
def break_glass_opened(request: HttpRequest, access_id: int) -> list:
    entry = selectors.break_glass_for_review(user=request.user, pk=access_id)
    return list(selectors.break_glass_opened(entry=entry))
