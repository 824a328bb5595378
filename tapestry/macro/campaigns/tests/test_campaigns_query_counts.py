"""The campaign list, page and petition page, and the campaign API, run the same queries with few
rows as with many. The pinned numbers include the session, the user and the policy's checks."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [2, 25]
PAGE_QUERIES = 13  # with what it won, in the directory
LIST_QUERIES = 6
PETITION_QUERIES = 10  # with the audit entry of who signed (chain head, entry, head)
API_QUERIES = 9


def counted(client, url, expected, django_assert_num_queries):
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("rows", SIZES)
def test_campaign_page(cast, rows, django_assert_num_queries):
    campaign = campaign_with(rows)

    page = counted(
        client_for(cast["community_organiser"]),
        reverse("campaigns:campaign_detail", args=[campaign.pk]),
        PAGE_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Mark reached") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_campaign_list(cast, rows, django_assert_num_queries):
    for n in range(rows):
        campaign_with(1, title=f"Campaign {n}")

    page = counted(
        client_for(cast["evaluator"]),
        reverse("campaigns:campaign_list"),
        LIST_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count('href="/macro/campaigns/') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_petition_page_with_signatures(cast, rows, django_assert_num_queries):
    petition = campaign_with(rows).petitions.get()

    page = counted(
        client_for(cast["community_organiser"]),
        reverse("campaigns:petition_detail", args=[petition.pk]),
        PETITION_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count("<td>Supporter ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_campaign_api_detail(cast, rows, django_assert_num_queries):
    campaign = campaign_with(rows)
    _, raw = token_create(actor=cast["evaluator"], name="tests")

    answer = counted(
        Client(HTTP_AUTHORIZATION=f"Bearer {raw}"),
        f"/api/v1/campaigns/{campaign.pk}",
        API_QUERIES,
        django_assert_num_queries,
    )

    assert len(answer.json()["targets"]) == rows
