"""The coalition list and page, and their API, run the same queries with few rows as with many.

The pinned numbers include the session, the user and the policy's checks; if one moves, find out
why before changing it here.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.macro.coalitions.tests.helpers import coalition_with
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [(2, 3), (12, 30)]  # (members and meetings, action items)
# Session, user, the page's own reads (the coalition and each prefetched part) and the nav.
PAGE_QUERIES = 13
LIST_QUERIES = 6
API_QUERIES = 9


@pytest.mark.parametrize(("rows", "actions"), SIZES)
def test_coalition_page(cast, rows, actions, django_assert_num_queries):
    coalition = coalition_with(rows, actions=actions, meetings=rows)

    page = counted(
        client_for(cast["community_organiser"]),
        reverse("coalitions:coalition_detail", args=[coalition.pk]),
        PAGE_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Change or mark done") == actions


@pytest.mark.parametrize(("rows", "actions"), SIZES)
def test_coalition_list(cast, rows, actions, django_assert_num_queries):
    for n in range(rows):
        coalition_with(2, actions=actions // rows, name=f"Coalition {n}")

    page = counted(
        client_for(cast["evaluator"]),
        reverse("coalitions:coalition_list"),
        LIST_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count('href="/macro/coalitions/') >= rows


@pytest.mark.parametrize(("rows", "actions"), SIZES)
def test_coalition_api_detail(cast, rows, actions, django_assert_num_queries):
    coalition = coalition_with(rows, actions=actions, meetings=rows)
    _, raw = token_create(actor=cast["evaluator"], name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    answer = counted(client, f"/api/v1/coalitions/{coalition.pk}", API_QUERIES, django_assert_num_queries)

    assert len(answer.json()["action_items"]) == actions
