"""Assessment pages, API lists and providers run the same number of queries with 5 rows as with 50.

The pinned numbers include the session, the user, the policy's segment grants and the audit
entry (three queries: lock the chain head, insert, move the head); if one moves, find out why.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tapestry.access.tokens import token_create
from tapestry.micro.assessments import caseload, services, timeline
from tapestry.micro.assessments.tests.factories import custom_form, give, likert
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture
def filled_case(cast, request):
    """A case with `rows` assessments: PHQ-9s, GAD-7s and a custom form, over the past months."""
    rows = request.param
    case = open_case(cast.caseworker)
    form = custom_form(cast["administrator"])
    first, second = form.questions.all()
    custom_answers = {
        f"q{first.pk}": f"c{first.choices.last().pk}",
        f"q{second.pk}": f"c{second.choices.first().pk}",
    }
    definition, found = services.definition_for(custom_form_id=form.pk)
    today = timezone.localdate()
    for n in range(rows):
        on = today - timedelta(days=3 * n)
        if n % 3 == 0:
            give(cast.caseworker, case, "phq-9", likert(n % 27, 9), on=on)
        elif n % 3 == 1:
            give(cast.caseworker, case, "gad-7", likert(n % 22, 7), on=on)
        else:
            services.assessment_record(
                actor=cast.caseworker,
                case=case,
                definition=definition,
                custom_form=found,
                answers=custom_answers,
                administered_on=on,
            )
    return case


def counted(client, url: str, expected: int, django_assert_num_queries, **params: str) -> str:
    client.get(url, params)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("filled_case", SIZES, indirect=True)
def test_case_index(cast, filled_case, django_assert_num_queries):
    page = counted(
        client_for(cast.caseworker),
        reverse("assessments:case_index", args=[filled_case.pk]),
        17,
        django_assert_num_queries,
    )

    assert page.count("<svg") == 3


@pytest.mark.parametrize("filled_case", SIZES, indirect=True)
def test_assessment_detail(cast, filled_case, django_assert_num_queries):
    assessment = filled_case.assessments.first()

    counted(
        client_for(cast.caseworker),
        reverse("assessments:assessment_detail", args=[assessment.pk]),
        14,
        django_assert_num_queries,
    )


@pytest.mark.parametrize("filled_case", SIZES, indirect=True)
def test_api_case_list(cast, filled_case, django_assert_num_queries):
    _, raw = token_create(actor=cast.caseworker, name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    url = f"/api/v1/cases/{filled_case.pk}/assessments"
    client.get(url)
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.json()["count"] == filled_case.assessments.count()


@pytest.mark.parametrize("filled_case", SIZES, indirect=True)
def test_timeline_and_caseload_providers(cast, filled_case):
    with CaptureQueriesContext(connection) as timeline_queries:
        events = timeline.timeline_events(user=cast.caseworker, person=filled_case.person)
    with CaptureQueriesContext(connection) as caseload_queries:
        alerts = caseload.caseload_alerts(user=cast.caseworker)

    assert len(events) == filled_case.assessments.count()
    assert all(alert.kind == "risk_flag" for alert in alerts)
    # One query for the rows, one for the user's segment grants.
    assert len(timeline_queries) == 2
    assert len(caseload_queries) == 2
