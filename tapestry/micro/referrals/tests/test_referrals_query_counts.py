"""Referral pages, API and providers run the same number of queries with 5 referrals as with 50.

The pinned page numbers include the session read and save, the user, the policy's checks and the
audit entry; if one moves, find out why before changing it here.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.micro.referrals import caseload, ecomap, timeline
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.micro.referrals.tests.helpers import a_case, consent, directory_service
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def many_referrals(cast, rows: int):
    """`rows` sent referrals on one case, each with two needs and three history events."""
    case = a_case(cast.caseworker, needs=("food-insecurity", "unemployment"))
    consent(case.person)
    service = directory_service()
    needs = list(case.needs.all())
    for n in range(rows):
        referral = Referral.objects.create(
            case=case, service=service, reason=f"Referral {n}", status="sent", response_due_on="2020-01-01"
        )
        referral.needs.set(needs)
        for status in ("draft", "sent", "received"):
            ReferralEvent.objects.create(referral=referral, status=status, actor=cast.caseworker)
    return case, referral


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, rows, django_assert_num_queries):
    case, _ = many_referrals(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("referrals:case_index", args=[case.pk]),
        14,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Outpatient treatment</a>") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_referral_detail(cast, rows, django_assert_num_queries):
    _, referral = many_referrals(cast, rows)

    counted(
        client_for(cast.caseworker),
        reverse("referrals:referral_detail", args=[referral.pk]),
        14,
        django_assert_num_queries,
    )


@pytest.mark.parametrize("rows", SIZES)
def test_outgoing_summary(cast, rows, django_assert_num_queries):
    _, referral = many_referrals(cast, rows)
    referral.share_needs = True
    referral.save()

    counted(
        client_for(cast.caseworker),
        reverse("referrals:referral_summary", args=[referral.pk]),
        14,
        django_assert_num_queries,
    )


@pytest.mark.parametrize("rows", SIZES)
def test_case_referrals_api(cast, rows, django_assert_num_queries):
    case, _ = many_referrals(cast, rows)

    response = counted(
        client_for(cast.caseworker), f"/api/v1/cases/{case.pk}/referrals", 15, django_assert_num_queries
    )

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", SIZES)
def test_providers(cast, rows):
    case, _ = many_referrals(cast, rows)
    with CaptureQueriesContext(connection) as queries:
        events = timeline.timeline_events(user=cast.caseworker, person=case.person)
        links = ecomap.ecomap_links(user=cast.caseworker, person=case.person)
        alerts = caseload.caseload_alerts(user=cast.caseworker)

    assert (len(events), len(links), len(alerts)) == (rows * 3, 1, rows)
    assert len(queries) == 6  # each provider: the segment grants, then one query
