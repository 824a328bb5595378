"""URL arguments for the stories' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.thread.stories.tests.helpers import case_with_consent, propose


def examples(world: dict) -> dict[str, dict]:
    case = case_with_consent(world["cast"].caseworker, world["person"])
    story = propose(world["cast"].caseworker, case)
    by_case, by_story = {"case_pk": case.pk}, {"pk": story.pk}
    return {
        "stories:case_index": by_case,
        "stories:story_propose": by_case,
        "stories:story_original": by_story,
        "stories:story_edit": by_story,
        "stories:story_withdraw": by_story,
        "stories:story_detail": by_story,
        "stories:story_approve": by_story,
        "stories:story_return": by_story,
        "GET /api/v1/stories/{story_id}": {"story_id": story.pk},
        "POST /api/v1/stories/{story_id}/approve": {"story_id": story.pk},
        "POST /api/v1/stories/{story_id}/return": {"story_id": story.pk},
        "GET /api/v1/cases/{case_id}/stories": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/stories": {"case_id": case.pk},
        "GET /api/v1/case-stories/{story_id}": {"story_id": story.pk},
        "PATCH /api/v1/case-stories/{story_id}": {"story_id": story.pk},
        "POST /api/v1/case-stories/{story_id}/withdraw": {"story_id": story.pk},
    }
