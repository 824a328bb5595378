"""The signal list and page, and the API's, run the same queries with few signals as with many (and
with a short or a long trend). The pinned numbers include the session, the user and the policy's checks."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for, counted
from tapestry.thread.signals.tests.support import a_signal

pytestmark = pytest.mark.django_db

SIZES = [2, 25]
LIST_QUERIES = 6
PAGE_QUERIES = 8
API_LIST_QUERIES = 6
API_DETAIL_QUERIES = 7


@pytest.mark.parametrize("rows", SIZES)
def test_signal_list(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        a_signal()
    page = counted(
        client_for(cast["evaluator"]), reverse("signals:list"), LIST_QUERIES, django_assert_num_queries
    )
    assert page.content.decode().count('href="/thread/signals/') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_signal_page(cast, rows, django_assert_num_queries):
    signal = a_signal(trend=[[f"P{n}", 12] for n in range(rows)])
    page = counted(
        client_for(cast.supervisor),
        reverse("signals:detail", args=[signal.pk]),
        PAGE_QUERIES,
        django_assert_num_queries,
    )
    assert page.content.decode().count("<td>P") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_signal_api(cast, rows, django_assert_num_queries):
    signals = [a_signal() for _ in range(rows)]
    client = client_for(cast["program_manager"])
    listed = counted(client, "/api/v1/signals", API_LIST_QUERIES, django_assert_num_queries)
    assert listed.json()["count"] == rows
    counted(client, f"/api/v1/signals/{signals[0].pk}", API_DETAIL_QUERIES, django_assert_num_queries)
