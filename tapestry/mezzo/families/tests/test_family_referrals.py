"""Linking the family to resources: referrals from a family goal, through the referrals app and its consent check."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.directory.tests.factories import service_at
from tapestry.mezzo.families import services
from tapestry.mezzo.families.models import FamilyPlanRevision
from tapestry.mezzo.families.tests.helpers import goal_for, plan_for
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import consent
from tapestry.needs.models import Need
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(cast):
    need = Need.objects.get(code="food-insecurity")
    return goal_for(
        cast.caseworker, plan_for(cast.caseworker), need=need, description="Enough food every week"
    )


@pytest.fixture
def pantry():
    return service_at(40.0, -75.0, needs=("food-insecurity",), name="Weekly groceries")


def refer(client, goal, pantry, **extra):
    form = {
        "service": pantry.pk,
        "reason": "Register the family for weekly groceries.",
        "urgency": "routine",
        "parts": ["identity"],
    }
    form.update(extra)
    return client.post(reverse("families:goal_referral_create", args=[goal.pk]), form)


def test_a_referral_from_a_goal_is_recorded_linked_and_shown_with_its_status(cast, goal, pantry):
    response = refer(client_for(cast.caseworker), goal, pantry)

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.case, referral.service, referral.status) == (goal.plan.case, pantry, "draft")
    assert list(goal.referrals.all()) == [referral]
    page = client_for(cast.caseworker).get(reverse("families:case_index", args=[goal.plan.case_id]))
    assert "Weekly groceries" in page.content.decode()
    assert "Recorded, not sent" in page.content.decode()
    assert FamilyPlanRevision.objects.filter(reason__startswith="Referral to Weekly groceries").exists()


def test_sending_without_consent_says_what_is_missing_and_writes_nothing(cast, goal, pantry):
    response = refer(client_for(cast.caseworker), goal, pantry, send_now="on")

    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved" in html
    assert "has no consent in force to share their record" in html
    assert not Referral.objects.exists()
    assert not goal.referrals.exists()
    assert not FamilyPlanRevision.objects.filter(reason__startswith="Referral").exists()


def test_sending_with_consent_in_force_sends_it(cast, goal, pantry):
    consent(goal.plan.case.person)

    refer(client_for(cast.caseworker), goal, pantry, send_now="on")

    referral = Referral.objects.get()
    assert referral.status == "sent" and referral.consent is not None
    assert list(goal.referrals.all()) == [referral]


def test_the_referral_carries_the_case_need_of_the_goal(cast, goal, pantry):
    case_need = goal.plan.case.needs.create(need=goal.need)

    referral = services.family_goal_referral_create(
        actor=cast.caseworker, goal=goal, service=pantry, reason="Weekly groceries, please."
    )

    assert list(referral.needs.all()) == [case_need]


def test_the_form_offers_services_meeting_the_goals_need_first(cast, goal, pantry):
    other = service_at(40.0, -75.0, needs=("unemployment",), name="Job club")
    url = reverse("families:goal_referral_create", args=[goal.pk])

    fitting = client_for(cast.caseworker).get(url).content.decode()
    everything = client_for(cast.caseworker).get(url + "?all=1").content.decode()

    assert "Weekly groceries" in fitting and other.name not in fitting
    assert other.name in everything


def test_the_referrals_rules_still_apply(cast, goal, pantry):
    response = refer(client_for(cast.caseworker), goal, pantry, reason=" ")

    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_what_goes_with_the_referral_is_a_required_choice(cast, goal, pantry):
    response = refer(client_for(cast.caseworker), goal, pantry, parts=[])

    assert response.status_code in (200, 400)
    assert "Choose what goes with the referral" in response.content.decode()
    assert not Referral.objects.exists()
