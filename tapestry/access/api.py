"""API routes of access: the current user and what they may do."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tapestry.access import policy, selectors
from tapestry.access.schemas import MeOut

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
