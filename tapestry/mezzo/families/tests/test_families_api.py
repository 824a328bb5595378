"""The family-plan API: start and change the plan, goals, and referrals from a goal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tapestry.access.tokens import token_create
from tapestry.directory.tests.factories import service_at
from tapestry.mezzo.families.models import FamilyGoal
from tapestry.mezzo.families.tests.helpers import family_case, goal_for, plan_for, today
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import consent
from tapestry.testing import PersonFactory, open_case

pytestmark = pytest.mark.django_db

JSON = "application/json"


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def later(days: int) -> str:
    return (today() + dt.timedelta(days=days)).isoformat()


def test_put_starts_the_plan_with_version_zero_then_changes_it(cast):
    case = family_case(cast.caseworker)
    client = api(cast.caseworker)
    url = f"/api/v1/cases/{case.pk}/family-plan"

    missing = client.get(url)
    started = client.put(url, {"strengths": "Close", "concerns": "Rent", "version": 0}, content_type=JSON)
    changed = client.put(
        url, {"strengths": "Close", "concerns": "Rent and school", "version": 1}, content_type=JSON
    )
    stale = client.put(url, {"strengths": "x", "concerns": "y", "version": 1}, content_type=JSON)

    assert missing.status_code == 404 and missing.json()["detail"] == "This case has no family plan yet."
    assert started.status_code == 201 and started.json()["household_id"] == case.household_id
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert [r["reason"] for r in changed.json()["revisions"]] == [
        "Changed: concerns.",
        "Family plan started.",
    ]
    assert stale.status_code == 409


def test_a_case_without_a_household_is_a_clear_400(cast):
    case = open_case(cast.caseworker)

    response = api(cast.caseworker).put(
        f"/api/v1/cases/{case.pk}/family-plan",
        {"strengths": "x", "concerns": "y", "version": 0},
        content_type=JSON,
    )

    assert response.status_code == 400
    assert "not about a household yet" in response.json()["errors"]["__all__"][0]


def test_goals_are_added_and_patched(cast):
    plan = plan_for(cast.caseworker)
    client = api(cast.caseworker)
    body = {
        "description": "Enough food every week",
        "need": "food-insecurity",
        "target_date": later(30),
        "member_ids": [plan.case.person_id],
    }

    added = client.post(f"/api/v1/cases/{plan.case_id}/family-plan/goals", body, content_type=JSON)
    outsider = client.post(
        f"/api/v1/cases/{plan.case_id}/family-plan/goals",
        {**body, "member_ids": [PersonFactory().pk]},
        content_type=JSON,
    )
    goal_id = added.json()["id"]
    no_note = client.patch(
        f"/api/v1/family-goals/{goal_id}", {"version": 1, "status": "not_met"}, content_type=JSON
    )
    with_note = client.patch(
        f"/api/v1/family-goals/{goal_id}",
        {"version": 1, "status": "not_met", "status_note": "Pantry closed for the summer."},
        content_type=JSON,
    )

    assert added.status_code == 201
    assert added.json()["members"] == [{"id": plan.case.person_id, "name": plan.case.person.display_name}]
    assert outsider.status_code == 400 and "member_ids" in outsider.json()["errors"]
    assert no_note.status_code == 400 and "status_note" in no_note.json()["errors"]
    assert with_note.status_code == 200 and with_note.json()["status_label"] == "Not met"
    assert FamilyGoal.objects.count() == 1


def test_a_referral_from_a_goal_without_consent_is_refused_and_nothing_is_written(cast):
    goal = goal_for(cast.caseworker, plan_for(cast.caseworker))
    service = service_at(40.0, -75.0, name="Childcare subsidy desk")
    url = f"/api/v1/family-goals/{goal.pk}/referrals"
    client = api(cast.caseworker)

    refused = client.post(
        url, {"service_id": service.pk, "reason": "Childcare help", "send": True}, content_type=JSON
    )
    consent(goal.plan.case.person)
    sent = client.post(
        url, {"service_id": service.pk, "reason": "Childcare help", "send": True}, content_type=JSON
    )

    assert refused.status_code == 400
    assert "no consent in force" in refused.json()["errors"]["consent"][0]
    assert sent.status_code == 201 and sent.json()["status"] == "sent"
    assert list(goal.referrals.values_list("pk", flat=True)) == [sent.json()["id"]]
    assert Referral.objects.count() == 1


def test_the_plan_lists_each_goals_referrals_with_their_status(cast):
    goal = goal_for(cast.caseworker, plan_for(cast.caseworker))
    service = service_at(40.0, -75.0, name="Family budgeting")
    api(cast.caseworker).post(
        f"/api/v1/family-goals/{goal.pk}/referrals",
        {"service_id": service.pk, "reason": "Budget"},
        content_type=JSON,
    )

    plan = api(cast.teammate).get(f"/api/v1/cases/{goal.plan.case_id}/family-plan").json()

    referral = plan["goals"][0]["referrals"][0]
    assert (referral["service"], referral["status"]) == ("Family budgeting", "draft")


def test_outsiders_get_404_and_program_managers_403(cast):
    plan = plan_for(cast.caseworker)

    assert api(cast.outsider).get(f"/api/v1/cases/{plan.case_id}/family-plan").status_code == 404
    assert api(cast["program_manager"]).get(f"/api/v1/cases/{plan.case_id}/family-plan").status_code == 403
