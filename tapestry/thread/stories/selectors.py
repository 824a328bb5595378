"""Reads of stories. The case team reads a story whole, through the access policy, each read audited;
anyone else (reviewers, advocates, evidence packs) reads only its scrubbed text, title and needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Consent, User
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import case_get
from tapestry.needs.models import Need
from tapestry.thread.stories.models import Story
from tapestry.web.ids import found_or_404

MISSING = "No story with this number."
# What a reader outside the case may load of a story: never the original text, the case or the consent.
SCRUBBED_FIELDS = ("id", "title", "scrubbed_text", "marks", "status", "return_reason", "version")
SCRUBBED_FIELDS += ("proposed_by", "proposed_at", "reviewed_by", "reviewed_at")


def story_consent(case: Case, *, on: dt.date | None = None) -> Consent | None:
    """The client's consent in force to tell their story in advocacy, from this case's segment."""
    return policy.consent_for_disclosure(
        person=case.person, segment=case.segment, purpose=Consent.Purpose.STORY, recipient=None, on=on
    )


def case_need_choices(case: Case) -> QuerySet[Need]:
    """The needs a story of this case may speak to: those coded on the case."""
    return Need.objects.filter(pk__in=CaseNeed.objects.filter(case=case).values("need_id")).order_by("label")


def _needs() -> Prefetch:
    return Prefetch("needs", queryset=Need.objects.order_by("label"))


def _team_stories() -> QuerySet[Story]:
    return Story.objects.select_related(
        "case__person", "consent", "proposed_by", "reviewed_by"
    ).prefetch_related(_needs())


@dataclass(frozen=True)
class CaseStories:
    case: Case
    stories: list[Story]
    consent: Consent | None
    can_change: bool


def case_stories(*, user: User, case_id: int, purpose: str = "case work") -> CaseStories:
    """A case's stories for its team (titles and status), with the story consent in force; audited."""
    case = case_get(user=user, case_id=case_id)
    stories = list(_team_stories().filter(case=case).defer("original_text"))
    can_change = policy.visible(user, Case.objects.filter(pk=case.pk), for_change=True).exists()
    audit_view(
        user,
        object_type="stories.story",
        person_id=case.person_id,
        fields=["title", "status"],
        purpose=purpose,
    )
    return CaseStories(case=case, stories=stories, consent=story_consent(case), can_change=can_change)


def case_stories_whole(*, user: User, case_id: int, purpose: str = "case work") -> list[Story]:
    """A case's stories with their original text, for its team; audited like a read of notes."""
    case = case_get(user=user, case_id=case_id)
    stories = list(_team_stories().filter(case=case))
    fields = ["original_text", "title", "status"]
    audit_view(user, object_type="stories.story", person_id=case.person_id, fields=fields, purpose=purpose)
    return stories


def story_get(*, user: User, story_id: int, for_change: bool = False) -> Story:
    """One story the user may open as the case team (or change); out of reach answers as missing."""
    return policy.one_in_reach(
        user,
        _team_stories(),
        story_id,
        for_change=for_change,
        missing=MISSING,
        detail="This story belongs to a case outside your caseload, or in a segment you are not granted.",
        read_only="You may read this story (emergency access) but not change it.",
    )


def story_original(*, user: User, story_id: int, purpose: str = "case work") -> Story:
    """A story with its original text, for the case team: the read is audited like a note's."""
    story = story_get(user=user, story_id=story_id)
    story.can_change = policy.visible(user, Case.objects.filter(pk=story.case_id), for_change=True).exists()
    audit_view(
        user, obj=story, person_id=story.case.person_id, fields=["original_text", "title"], purpose=purpose
    )
    return story


def _scrubbed() -> QuerySet[Story]:
    return (
        Story.objects.exclude(status=Story.Status.WITHDRAWN)
        .only(*SCRUBBED_FIELDS)
        .select_related("reviewed_by")
        .prefetch_related(_needs())
    )


def review_queue(*, status: str = Story.Status.PROPOSED) -> list[Story]:
    """Stories for reviewers, scrubbed: those awaiting review first, oldest first (or of one status)."""
    stories = _scrubbed()
    if status:
        stories = stories.filter(status=status)
    return list(stories.order_by("proposed_at", "id"))


def story_scrubbed(*, story_id: int) -> Story:
    """One story as a reviewer or advocate reads it: scrubbed text, title, needs, status; no case."""
    return found_or_404(_scrubbed().filter(pk=story_id).first(), MISSING)


@dataclass(frozen=True)
class UsableStory:
    """A story an evidence pack may quote: only what the reviewer approved to be read outside the case."""

    id: int
    title: str
    text: str
    needs: list[dict[str, Any]]


def stories_for_use(
    *, needs: list[Need] | QuerySet[Need] | None = None, on: dt.date | None = None
) -> list[UsableStory]:
    """Approved stories whose consent is still in force on `on` (today if not given); of `needs` if given.

    A consent revoked or expired by that day drops its stories from every pack made from then on.
    Two queries whatever the number of stories.
    """
    day = on or timezone.localdate()
    stories = Story.objects.filter(status=Story.Status.APPROVED, consent__given_on__lte=day)
    stories = stories.filter(Q(consent__expires_on__isnull=True) | Q(consent__expires_on__gte=day))
    stories = stories.filter(Q(consent__revoked_on__isnull=True) | Q(consent__revoked_on__gt=day))
    if needs is not None:
        stories = stories.filter(pk__in=Story.needs.through.objects.filter(need__in=needs).values("story_id"))
    stories = (
        stories.only("id", "title", "scrubbed_text")
        .prefetch_related(_needs())
        .order_by("-reviewed_at", "-id")
    )
    return [
        UsableStory(
            id=story.pk,
            title=story.title,
            text=story.scrubbed_text,
            needs=[{"id": need.pk, "code": need.code, "label": need.label} for need in story.needs.all()],
        )
        for story in stories
    ]
