"""The needs pages and API run the same number of queries at two data sizes.

Each figure is one measure: open cases by area three (the cases by program and need, the areas
holding their postcodes, the areas of the kind), the trend and the score changes two each per
measure and breakdown (by program and by the row), referrals one; the lists one each.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.macro.campaigns.models import Campaign
from tapestry.testing import client_for
from tapestry.thread.rollups.tests.support import barrier, need, places, plant, refer, score

pytestmark = pytest.mark.django_db

SIZES = [1, 3]
# Pinned: a change to these numbers is a change of the pages' reads, made on purpose.
# The need's 21: 5 for every signed-in request, 1 for the need, 3 + 2 + 1 + 4 for the figures, 5 for
# the lists (groups, programs, services, campaigns, coalitions). A barrier has no lists.
PINNED = {"need page": 21, "barrier page": 16, "index page": 9, "need API": 21, "index API": 9}


def _fill(size: int) -> None:
    for n in range(size):
        postcode = f"627{n:02d}"
        places((f"N{size}-{n}", (postcode,)))
        cases = plant(12, postcode=postcode, blocked_by="waitlist")
        refer(cases[:11], "completed")
        score(cases, 15, 9)
        plant(11, code="food-insecurity", postcode=postcode)
        Campaign.objects.create(title=f"Campaign {size}-{n}", kind="advocacy", goals="x").needs.add(need())


def _counted(client, url: str) -> int:
    client.get(url)  # the first request settles the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", SIZES)
def test_queries_do_not_grow_with_the_data(cast, size):
    _fill(size)
    client = client_for(cast["evaluator"])
    urls = {
        "need page": reverse("rollups:need_detail", kwargs={"pk": need().pk}),
        "barrier page": reverse("rollups:barrier_detail", kwargs={"pk": barrier().pk}),
        "index page": reverse("rollups:needs_index"),
        "need API": f"/api/v1/thread/needs/{need().pk}",
        "index API": "/api/v1/thread/needs",
    }
    assert {name: _counted(client, url) for name, url in urls.items()} == PINNED
