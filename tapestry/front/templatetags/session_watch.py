"""The script that warns before the session ends and autosaves note drafts, for signed-in pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("front/_session_watch.html", takes_context=True)
def session_watch(context: template.Context) -> dict[str, Any]:
    """`<script>` for front/session.js with the session's length and the addresses it calls; nothing
    for a visitor who is not signed in (no session to watch)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"watch": False}
    return {
        "watch": True,
        "seconds": settings.SESSION_COOKIE_AGE,
        "extend_url": reverse("access:session_extend"),
        "login_url": reverse(settings.LOGIN_URL),
    }
