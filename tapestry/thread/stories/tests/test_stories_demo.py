"""The demo tells two clients' stories under a story consent in force, one approved; seeding again adds nothing."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.thread.stories import demo
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.selectors import stories_for_use

pytestmark = pytest.mark.django_db


def test_the_demo_tells_two_stories_under_consent():
    demo_load()
    assert demo.seed(DemoContext.load("stories-2026")) == "2 client stories for advocacy, one approved"
    stories = list(Story.objects.select_related("case__person", "consent"))
    assert len(stories) == 2
    assert all(story.consent.is_in_force() and story.consent.purpose == "story" for story in stories)
    assert all(story.case.person.given_name not in story.scrubbed_text for story in stories)
    assert [s.title for s in stories_for_use()] == ["Eleven weeks on a waiting list, four of them in a car"]
    assert demo.seed(DemoContext.load("stories-2026")) == ""
    assert Story.objects.count() == 2
