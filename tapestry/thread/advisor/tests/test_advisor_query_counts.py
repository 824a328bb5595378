"""The advisor's page and API run the same number of queries with 2 needs, groups, services and
campaigns each as with 12 of each.

The pinned numbers include the session, the user, the policy's checks and the audit entry; if one
moves, find out why before changing it here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.models import Membership
from tapestry.micro.cases.models import CaseNeed
from tapestry.needs.models import Need
from tapestry.testing import PersonFactory, client_for, counted
from tapestry.thread.advisor.tests.support import (
    campaign_on,
    client_case,
    group_on,
    neighbourhood,
    program,
    service_on,
)

pytestmark = pytest.mark.django_db

SIZES = [2, 12]


def a_busy_case(worker, rows: int):
    """A case with `rows` open needs, and for each need a group (half of them full), a service near
    the client and a campaign; one neighbourhood holds the client's postcode."""
    area = neighbourhood()
    case = client_case(worker, needs=())
    for need in Need.objects.order_by("code")[:rows]:
        CaseNeed.objects.create(case=case, need=need)
        group = group_on(need.code, capacity=1, area=area, program=program())
        if need.pk % 2:
            Membership.objects.create(group=group, person=PersonFactory(), status=Membership.Status.ENROLLED)
        service_on(need.code, postcode="19104")
        campaign_on(need.code)
    return case


@pytest.mark.parametrize("rows", SIZES)
def test_advice_page(cast, rows, django_assert_num_queries):
    case = a_busy_case(cast.caseworker, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("advisor:case_index", args=[case.pk]),
        27,
        django_assert_num_queries,
    ).content.decode()

    assert page.count('<h2 id="need-') == rows
    assert page.count("In the client&#x27;s postcode") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_advice_api(cast, rows, django_assert_num_queries):
    case = a_busy_case(cast.caseworker, rows)

    body = counted(
        client_for(cast.caseworker), f"/api/v1/advisor/cases/{case.pk}", 27, django_assert_num_queries
    ).json()

    assert len(body["needs"]) == rows
    assert all(len(item["groups"]) == 1 and len(item["campaigns"]) == 1 for item in body["needs"])
