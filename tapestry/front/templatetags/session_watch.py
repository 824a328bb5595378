"""The script that warns before the session ends and autosaves note drafts, for signed-in pages."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

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
        "texts": json.dumps(script_texts(), ensure_ascii=False),
    }


def script_texts() -> dict[str, str]:
    """What session.js says, in the page's language; `%(time)s` is filled in by the script."""
    return {
        "stay": gettext("Stay signed in"),
        "signInAgain": gettext("Sign in again"),
        "endedSaved": gettext(
            "Your session has ended, so nothing more is saved. Your draft was saved at %(time)s; "
            "signing in brings you back to it."
        ),
        "ended": gettext(
            "Your session has ended, so nothing more is saved. "
            "Sign in again to carry on; you will come back to this page."
        ),
        "offline": gettext(
            "Tapestry could not be reached to keep you signed in. Check the connection and try again."
        ),
        "warning": gettext(
            "You will be signed out at %(time)s unless you stay signed in. Your draft is kept either way."
        ),
        "saved": gettext("Saved %(time)s"),
        "stale": gettext(
            "Not saved: this page is out of date (you signed in again elsewhere, or cookies were cleared). "
            "Copy what you typed, then reload the page."
        ),
        "saving": gettext("Saving…"),
        "unreachable": gettext("Not saved: Tapestry could not be reached. It tries again in a few seconds."),
    }
