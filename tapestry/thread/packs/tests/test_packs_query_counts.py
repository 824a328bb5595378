"""The pack list, a pack's page and its API run the same queries with few rows as with many: each
figure's grouped measure queries, never one per case, area or period."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tapestry.testing import client_for, counted
from tapestry.thread.packs.tests.support import housing_campaign, housing_needs, pack_for

pytestmark = pytest.mark.django_db

SIZES = [1, 12]
LIST_QUERIES = 8
# The pack and its needs, then per figure two grouped queries per measure and dimension for the
# quarters and two for the year totals (the referral, attendance and outcome figures: two measures each),
# and two for the approved stories of its needs.
PAGE_QUERIES = 32
API_QUERIES = 32


def _data(cast, rows: int):
    for n in range(rows):
        housing_needs(cast.caseworker, f"9{n:04d}", date(2026, 1 + n % 12, 3), 2)
    pack = pack_for(housing_campaign(f"Campaign {rows}"))
    pack.needs.set(pack.needs.filter(code="homelessness"))
    return pack


@pytest.mark.parametrize("rows", SIZES)
def test_pack_page(cast, rows, django_assert_num_queries):
    pack = _data(cast, rows)

    page = counted(
        client_for(cast["evaluator"]),
        reverse("packs:pack_detail", args=[pack.pk]),
        PAGE_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count('<th scope="row">9') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_pack_api(cast, rows, django_assert_num_queries):
    pack = _data(cast, rows)

    counted(
        client_for(cast["evaluator"]),
        f"/api/v1/evidence-packs/{pack.pk}",
        API_QUERIES,
        django_assert_num_queries,
    )


@pytest.mark.parametrize("rows", SIZES)
def test_pack_list(cast, rows, django_assert_num_queries):
    for n in range(rows):
        pack_for(housing_campaign(f"Campaign {n}"))

    page = counted(
        client_for(cast["community_organiser"]),
        reverse("packs:pack_list"),
        LIST_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count('href="/thread/packs/') == rows + rows  # each pack, each "build" link
