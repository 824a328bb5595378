"""Typed request and response bodies of the stories API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from tapestry.thread.stories.models import Story
from tapestry.web.schemas import Input, StaffRef, label_of, stripped_text

Title = stripped_text(200, required=True)
StoryStatusValue = Literal[tuple(Story.Status.values)]
Text = stripped_text(required=True)
Reason = stripped_text(2000, required=True)


class StoryIn(Input):
    title: Title
    text: Text = Field(
        description="The story as the worker writes it; scrubbed before anyone outside the case reads it."
    )
    need_ids: list[int] = Field(description="Needs recorded on the case that the story speaks to.")


class StoryPatch(Input):
    """Send `version` (from the story you read) and the whole story again: it is scrubbed again."""

    version: int = Field(ge=1)
    title: Title
    text: Text
    need_ids: list[int]


class StoryVersionIn(Input):
    version: int = Field(ge=1, description="The version you read; 409 if the story changed since.")


class StoryReturnIn(StoryVersionIn):
    reason: Reason = Field(description="What still identifies, or what to change.")


class StoryNeedOut(Schema):
    id: int
    code: str
    label: str


class StoryMark(Schema):
    start: int
    end: int
    kind: str


class ScrubbedStoryOut(Schema):
    """A story as anyone outside the case reads it: no case, no client, no original text."""

    id: int
    title: str
    scrubbed_text: str
    marks: list[StoryMark] = Field(description="The replaced spans, as offsets into `scrubbed_text`.")
    needs: list[StoryNeedOut]
    status: str
    status_label: str = label_of("status")
    return_reason: str
    proposed_at: datetime
    reviewed_at: datetime | None
    version: int

    @staticmethod
    def resolve_needs(obj: Any) -> list[Any]:
        return list(obj.needs.all())


class StorySpan(Schema):
    start: int
    end: int
    kind: str


class CaseStoryOut(ScrubbedStoryOut):
    """A story as its case team reads it: with the original text and what was replaced in it."""

    case_id: int
    consent_id: int
    original_text: str
    spans: list[StorySpan] = Field(description="The replaced spans, as offsets into `original_text`.")
    proposed_by: StaffRef | None
    reviewed_by: StaffRef | None
