"""What stories offer in the navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        120,
        _("Stories to review"),
        "stories:review_queue",
        C.STORY_REVIEW,
        _(
            "Clients' stories for advocacy, told with consent and scrubbed of identifiers: approve or return them."
        ),
    ),
)
