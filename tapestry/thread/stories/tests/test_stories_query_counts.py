"""The review queue, the story pages and the API run the same number of queries at 3 and 30 stories."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.testing import client_for
from tapestry.thread.stories.tests.helpers import case_with_consent, propose

pytestmark = pytest.mark.django_db
SIZES = [3, 30]


def stories(worker, rows: int):
    case = case_with_consent(worker, codes=("housing-instability", "food-insecurity"))
    return case, [propose(worker, case, title=f"Story {n}") for n in range(rows)]


@pytest.mark.parametrize("rows", SIZES)
def test_review_queue(cast, rows, django_assert_num_queries):
    stories(cast.caseworker, rows)
    client = client_for(cast.supervisor)
    url = reverse("stories:review_queue")
    client.get(url)
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(re.findall(r"/thread/stories/review/\d+/", response.content.decode())) == rows


@pytest.mark.parametrize("rows", SIZES)
def test_story_detail(cast, rows, django_assert_num_queries):
    _, made = stories(cast.caseworker, rows)
    client = client_for(cast.supervisor)
    url = reverse("stories:story_detail", args=[made[-1].pk])
    with django_assert_num_queries(7):
        client.get(url)


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, rows, django_assert_num_queries):
    case, _ = stories(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    url = reverse("stories:case_index", args=[case.pk])
    with django_assert_num_queries(16):
        response = client.get(url)
    assert len(re.findall(r"/thread/stories/team/\d+/", response.content.decode())) == rows


@pytest.mark.parametrize("rows", SIZES)
def test_story_original(cast, rows, django_assert_num_queries):
    _, made = stories(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    with django_assert_num_queries(14):
        client.get(reverse("stories:story_original", args=[made[-1].pk]))


@pytest.mark.parametrize("rows", SIZES)
def test_api_list(cast, rows, django_assert_num_queries):
    stories(cast.caseworker, rows)
    _, raw = token_create(actor=cast.supervisor, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    with django_assert_num_queries(4):
        response = client.get("/api/v1/stories?page_size=100")
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_case_stories(cast, rows, django_assert_num_queries):
    case, _ = stories(cast.caseworker, rows)
    _, raw = token_create(actor=cast.caseworker, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    with django_assert_num_queries(10):
        response = client.get(f"/api/v1/cases/{case.pk}/stories")
    assert len(response.json()) == rows
