"""Template context for the shell: the levels and whether the person search shows."""

from __future__ import annotations

from django.http import HttpRequest

from tapestry.access.policy import Capability, has_capability
from tapestry.front.levels import levels


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    return {
        "nav_levels": levels(),
        "current_level": match.kwargs.get("slug") if match and match.view_name == "front:level" else None,
        "can_search_people": has_capability(user, Capability.PERSON_READ),
    }
