"""What stories offer in the navigation."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "evidence",
        120,
        "Stories to review",
        "stories:review_queue",
        C.STORY_REVIEW,
        "Clients' stories for advocacy, told with consent and scrubbed of identifiers: approve or return them.",
    ),
)
