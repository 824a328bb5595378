"""Child-welfare pages, API lists and hooks run the same number of queries with 5 rows as with 50.

The pinned numbers include the session, the user, the segment-grant checks and the audit entry;
if one moves, find out why before changing it here.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.child_welfare import caseload, ecomap, timeline
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    InvestigationContact,
    Placement,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.micro.child_welfare.tests.support import (
    api_client,
    child_of,
    court,
    cw_case,
    granted,
    investigated,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def fill(worker, case, rows: int):
    """`rows` reports (each investigated, with an allegation and a contact), assessments, placements, hearings."""
    family_court = court()
    for n in range(rows):
        report = investigated(case)
        InvestigationContact.objects.create(
            investigation=report.investigation,
            collateral_name=f"Teacher {n}",
            method="phone",
            summary="Called.",
        )
        assessment = SafetyAssessment.objects.create(
            case=case, assessed_by=worker, threats=["harm_now"], protective_capacities="-", decision="unsafe"
        )
        plan = SafetyPlan.objects.create(
            assessment=assessment, monitoring="Weekly.", review_on=timezone.localdate()
        )
        SafetyPlanAction.objects.create(plan=plan, action="Visit", responsible_person=child_of(worker))
        Placement.objects.create(
            case=case,
            child=child_of(worker),
            placement_type="foster",
            carer_person=child_of(worker),
            started_on=timezone.localdate(),
            reason="Removal.",
        )
        Hearing.objects.create(
            case=case,
            court=family_court,
            hearing_type="review",
            scheduled_at=timezone.now() + timedelta(days=n % 20),
        )
    return report


def get_counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, rows, django_assert_num_queries):
    worker = granted(cast.caseworker)
    case = cw_case(worker)
    fill(worker, case, rows)

    # 23 -> 27: the permanency goals and the TPR decisions, each read with its segment-grant check.
    page = get_counted(
        client_for(worker), reverse("child_welfare:case_index", args=[case.pk]), 27, django_assert_num_queries
    )

    assert page.count(reverse("child_welfare:report_detail", args=[1])[:-2]) >= rows


@pytest.mark.parametrize("rows", SIZES)
def test_report_detail(cast, rows, django_assert_num_queries):
    worker = granted(cast.caseworker)
    case = cw_case(worker)
    report = investigated(case)
    for n in range(rows):
        Allegation.objects.create(
            report=report, child=child_of(worker), maltreatment="neglect", description=f"A{n}"
        )
        InvestigationContact.objects.create(
            investigation=report.investigation,
            person=child_of(worker),
            method="home_visit",
            summary=f"Visit {n}",
        )

    page = get_counted(
        client_for(worker),
        reverse("child_welfare:report_detail", args=[report.pk]),
        17,
        django_assert_num_queries,
    )

    assert page.count("Visit ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_lists(cast, rows, django_assert_num_queries):
    worker = granted(cast.caseworker)
    case = cw_case(worker)
    fill(worker, case, rows)
    api = api_client(worker)
    expected = {"reports": 14, "placements": 11, "hearings": 11, "safety-assessments": 12}

    for what, count in expected.items():
        with django_assert_num_queries(count):
            response = api.get(f"/api/v1/cases/{case.pk}/child-welfare/{what}")
        assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", SIZES)
def test_hooks(cast, rows):
    worker = granted(cast.caseworker)
    case = cw_case(worker)
    fill(worker, case, rows)
    counts = {}
    for name, call in {
        "timeline": lambda: timeline.timeline_events(user=worker, person=case.person),
        "caseload": lambda: caseload.caseload_alerts(user=worker),
        "ecomap": lambda: ecomap.ecomap_links(user=worker, person=case.person),
    }.items():
        with CaptureQueriesContext(connection) as queries:
            assert call()
        counts[name] = len(queries)

    # caseload: 7 -> 9 with the placements read for the federal clocks (the read and its grant check).
    assert counts == {"timeline": 9, "caseload": 9, "ecomap": 5}
