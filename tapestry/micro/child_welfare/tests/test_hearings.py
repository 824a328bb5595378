"""Court hearings: scheduled at a court, their outcome and the next date recorded afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import Hearing
from tapestry.micro.child_welfare.tests.support import api_client, court, cw_case, granted
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def test_a_hearing_is_held_at_a_court(worker):
    case = cw_case(worker)
    school = OrganisationFactory(kind="school")

    with pytest.raises(ValidationError) as refused:
        services.hearing_schedule(
            actor=worker,
            case=case,
            court=school,
            hearing_type="review",
            scheduled_at=timezone.now() + timedelta(days=2),
        )

    assert refused.value.message_dict["court"] == ["Choose a court (an organisation of the kind 'Court')."]


def test_the_page_offers_only_courts_and_schedules_the_hearing(worker):
    case = cw_case(worker)
    family_court = court()
    school = OrganisationFactory(kind="school")
    url = reverse("child_welfare:hearing_create", args=[case.pk])

    form = client_for(worker).get(url).content.decode()
    response = client_for(worker).post(
        url,
        {
            "court": family_court.pk,
            "hearing_type": "adjudication",
            "scheduled_at": (timezone.now() + timedelta(days=9)).strftime("%Y-%m-%dT%H:%M"),
            "child": case.person.pk,
        },
    )

    assert f'value="{school.pk}"' not in form
    assert response.status_code == 302
    assert Hearing.objects.get().court == family_court


def test_the_outcome_waits_for_the_hearing_and_the_next_date_follows_it(worker):
    case = cw_case(worker)
    soon = services.hearing_schedule(
        actor=worker,
        case=case,
        court=court(),
        hearing_type="review",
        scheduled_at=timezone.now() + timedelta(days=1),
    )
    held = Hearing.objects.create(
        case=case, court=soon.court, hearing_type="shelter", scheduled_at=timezone.now() - timedelta(days=1)
    )

    with pytest.raises(ValidationError, match="once the hearing has taken place"):
        services.hearing_record_outcome(actor=worker, hearing=soon, version=1, outcome="Adjourned.")
    with pytest.raises(ValidationError) as before:
        services.hearing_record_outcome(
            actor=worker,
            hearing=held,
            version=1,
            outcome="Custody to the agency.",
            next_hearing_on=timezone.localdate() - timedelta(days=3),
        )
    saved = services.hearing_record_outcome(
        actor=worker,
        hearing=held,
        version=1,
        outcome="Temporary custody to the agency; kinship placement approved.",
        next_hearing_on=timezone.localdate() + timedelta(days=30),
    )

    assert "next_hearing_on" in before.value.message_dict
    assert (saved.version, saved.next_hearing_on) == (2, timezone.localdate() + timedelta(days=30))


def test_api_schedules_lists_and_refuses_a_stale_outcome(worker):
    case = cw_case(worker)
    family_court = court()
    api = api_client(worker)
    url = f"/api/v1/cases/{case.pk}/child-welfare/hearings"

    made = api.post(
        url,
        {
            "court_id": family_court.pk,
            "hearing_type": "shelter",
            "scheduled_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        },
        content_type="application/json",
    )
    outcome_url = f"/api/v1/child-welfare/hearings/{made.json()['id']}/outcome"
    first = api.post(
        outcome_url, {"version": 1, "outcome": "Removal upheld."}, content_type="application/json"
    )
    stale = api.post(
        outcome_url, {"version": 1, "outcome": "Something else."}, content_type="application/json"
    )
    unknown_court = api.post(
        url,
        {"court_id": 999999, "hearing_type": "review", "scheduled_at": timezone.now().isoformat()},
        content_type="application/json",
    )

    assert made.status_code == 201
    assert made.json()["court"]["name"] == family_court.name
    assert first.json()["outcome"] == "Removal upheld."
    assert stale.status_code == 409
    assert unknown_court.status_code == 400
    assert unknown_court.json()["errors"] == {"court_id": ["There is no organisation with this number."]}
    assert api.get(url).json()["count"] == 1
