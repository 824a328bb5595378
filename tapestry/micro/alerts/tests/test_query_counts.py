"""Reading alerts runs the same number of queries with 3 rows as with 30 (DESIGN rule 6).

The pinned page numbers include the session, the user and the audit entry; if one moves, find out
why before changing it here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Segment
from tapestry.micro.alerts.models import AlertSource, ClientAlert
from tapestry.micro.alerts.selectors import alerts_for_persons
from tapestry.micro.alerts.services import alert_resolve, suicide_risk_raise
from tapestry.micro.alerts.tests.support import api_client
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for, counted, grant, open_case

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


def busy_person(worker, rows: int):
    """A person with `rows` cases, each with a safety plan and an alert (half of them resolved)."""
    grant(worker, Segment.SUBSTANCE_USE)
    first = crisis_case(worker)
    person = first.person
    person.needs_interpreter, person.languages = True, "Vietnamese"
    person.save()
    for n in range(rows):
        case = (
            first if n == 0 else crisis_case(worker, person=person, segment="substance_use" if n % 3 else "")
        )
        plan(worker, case)
        alert = suicide_risk_raise(
            actor=worker, case=case, reason=f"Screen {n}.", source=AlertSource.SCREEN, source_id=n + 1
        )
        if n % 2:
            alert_resolve(actor=worker, alert=alert, reason="Reviewed.")
    return person


@pytest.mark.parametrize("rows", SIZES)
def test_alerts_for_many_persons_is_five_queries(cast, rows, django_assert_num_queries):
    persons = []
    for n in range(rows):
        case = open_case(cast.caseworker)
        suicide_risk_raise(
            actor=cast.caseworker, case=case, reason="r", source=AlertSource.SCREEN, source_id=n + 1
        )
        persons.append(case.person_id)

    with django_assert_num_queries(5):
        found = alerts_for_persons(user=cast.caseworker, person_ids=persons)

    assert sorted(found) == sorted(persons)


@pytest.mark.parametrize("rows", SIZES)
def test_person_alerts_page(cast, rows, django_assert_num_queries):
    person = busy_person(cast.caseworker, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("alerts:person_alerts", args=[person.pk]),
        18,
        django_assert_num_queries,
    ).content.decode()

    assert page.count("Reviewed.") == rows // 2
    assert ClientAlert.objects.count() == rows


@pytest.mark.parametrize("rows", SIZES)
def test_person_alerts_api(cast, rows, django_assert_num_queries):
    person = busy_person(cast.caseworker, rows)
    client = api_client(cast.caseworker)
    url = f"/api/v1/persons/{person.pk}/alerts"
    client.get(url)

    with django_assert_num_queries(8):
        response = client.get(url, {"page_size": 100})

    part2 = sum(1 for n in range(1, rows) if n % 3)
    # The open alerts, a plan per case, the Part 2 cases and the interpreter.
    assert response.json()["count"] == (rows - rows // 2) + rows + part2 + 1
