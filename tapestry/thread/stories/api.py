"""API routes of stories: the case team proposes, reads whole and changes; reviewers read scrubbed and decide."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import HttpRequest
from ninja import Router

from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get
from tapestry.needs.models import Need
from tapestry.thread.stories import selectors, services
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.schemas import (
    CaseStoryOut,
    ScrubbedStoryOut,
    StoryIn,
    StoryPatch,
    StoryReturnIn,
    StoryStatusValue,
    StoryVersionIn,
)
from tapestry.web.ids import picked
from tapestry.web.schemas import created, error_responses, paged_get, purpose_query

router = Router(tags=["stories"])


def _needs(case: Case, ids: list[int]) -> list[Need]:
    """The needs named in the body, among the case's own: any other is an error on `need_ids`."""
    return picked(selectors.case_need_choices(case), ids, "need_ids", "Choose needs recorded on this case.")


@paged_get(
    router,
    "/stories",
    ScrubbedStoryOut,
    errors=(422,),
    summary="List stories for review, scrubbed (those awaiting review unless a status is asked)",
)
def story_list(request: HttpRequest, status: StoryStatusValue = "proposed") -> list[Story]:
    return selectors.review_queue(status=status)


@router.get(
    "/stories/{story_id}",
    response={200: ScrubbedStoryOut, **error_responses(404)},
    summary="A story as a reviewer reads it: scrubbed, with the replaced spans",
)
def story_detail(request: HttpRequest, story_id: int) -> Story:
    return selectors.story_scrubbed(story_id=story_id)


@router.post(
    "/stories/{story_id}/approve",
    response={200: ScrubbedStoryOut, **error_responses(400, 404, 409, 422)},
    summary="Approve a proposed story for advocacy (not one you proposed)",
)
def story_approve(request: HttpRequest, story_id: int, payload: StoryVersionIn) -> Story:
    story = selectors.story_scrubbed(story_id=story_id)
    services.story_approve(actor=request.user, story=story, version=payload.version)
    return selectors.story_scrubbed(story_id=story_id)


@router.post(
    "/stories/{story_id}/return",
    response={200: ScrubbedStoryOut, **error_responses(400, 404, 409, 422)},
    summary="Return a proposed story to its worker with the reason",
)
def story_return(request: HttpRequest, story_id: int, payload: StoryReturnIn) -> Story:
    story = selectors.story_scrubbed(story_id=story_id)
    services.story_return(actor=request.user, story=story, version=payload.version, reason=payload.reason)
    return selectors.story_scrubbed(story_id=story_id)


@router.get(
    "/cases/{case_id}/stories",
    response={200: list[CaseStoryOut], **error_responses(404, 422)},
    summary="A case's stories, whole, for its team",
    description="The read is written to the audit log.",
)
def case_story_list(
    request: HttpRequest, case_id: int, purpose: str = purpose_query("the stories")
) -> list[Story]:
    return selectors.case_stories_whole(user=request.user, case_id=case_id, purpose=purpose)


@created(
    router,
    "/cases/{case_id}/stories",
    CaseStoryOut,
    summary="Propose a client's story for advocacy",
    description=(
        "Refused (400, on `consent`) unless the client's consent to tell their story in advocacy is in force. "
        "The text is scrubbed at once; reviewers see only the scrubbed text."
    ),
)
def case_story_create(request: HttpRequest, case_id: int, payload: StoryIn) -> Story:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    story = services.story_propose(
        actor=request.user,
        case=case,
        title=payload.title,
        text=payload.text,
        needs=_needs(case, payload.need_ids),
    )
    return selectors.story_get(user=request.user, story_id=story.pk)


@router.get(
    "/case-stories/{story_id}",
    response={200: CaseStoryOut, **error_responses(404, 422)},
    summary="A story whole, with its original text, for its case team",
    description="The read is written to the audit log.",
)
def case_story_detail(
    request: HttpRequest, story_id: int, purpose: str = purpose_query("the story")
) -> Story:
    return selectors.story_original(user=request.user, story_id=story_id, purpose=purpose)


@router.patch(
    "/case-stories/{story_id}",
    response={200: CaseStoryOut, **error_responses(400, 404, 409, 422)},
    summary="Change a story not yet reviewed (or returned); it is scrubbed again and waits for review",
)
def case_story_update(request: HttpRequest, story_id: int, payload: StoryPatch) -> Story:
    story = selectors.story_get(user=request.user, story_id=story_id, for_change=True)
    services.story_change(
        actor=request.user,
        story=story,
        version=payload.version,
        title=payload.title,
        text=payload.text,
        needs=_needs(story.case, payload.need_ids),
    )
    return selectors.story_get(user=request.user, story_id=story_id)


@router.post(
    "/case-stories/{story_id}/withdraw",
    response={200: CaseStoryOut, **error_responses(400, 404, 409, 422)},
    summary="Withdraw a story: it leaves the review queue and every future evidence pack",
)
def case_story_withdraw(request: HttpRequest, story_id: int, payload: StoryVersionIn) -> Story:
    story = selectors.story_get(user=request.user, story_id=story_id, for_change=True)
    services.story_withdraw(actor=request.user, story=story, version=payload.version)
    return selectors.story_get(user=request.user, story_id=story_id)
