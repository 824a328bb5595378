"""The stories app's rows of the route table (see tapestry/access/routes.py).

The case team (person.read / person.write, then the policy's caseload check) proposes, changes and
reads a story whole. Reviewers and advocates (story.review) read only its scrubbed text, title and
needs, never the case, the client or the original; they approve it or return it.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "stories:case_index": C.PERSON_READ,
    "stories:story_propose": C.PERSON_WRITE,
    "stories:story_original": C.PERSON_READ,
    "stories:story_edit": C.PERSON_WRITE,
    "stories:story_withdraw": C.PERSON_WRITE,
    "stories:review_queue": C.STORY_REVIEW,
    "stories:story_detail": C.STORY_REVIEW,
    "stories:story_approve": C.STORY_REVIEW,
    "stories:story_return": C.STORY_REVIEW,
    "GET /api/v1/stories": C.STORY_REVIEW,
    "GET /api/v1/stories/{story_id}": C.STORY_REVIEW,
    "POST /api/v1/stories/{story_id}/approve": C.STORY_REVIEW,
    "POST /api/v1/stories/{story_id}/return": C.STORY_REVIEW,
    "GET /api/v1/cases/{case_id}/stories": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/stories": C.PERSON_WRITE,
    "GET /api/v1/case-stories/{story_id}": C.PERSON_READ,
    "PATCH /api/v1/case-stories/{story_id}": C.PERSON_WRITE,
    "POST /api/v1/case-stories/{story_id}/withdraw": C.PERSON_WRITE,
}
