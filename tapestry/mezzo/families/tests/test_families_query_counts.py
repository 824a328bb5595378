"""The family plan page and API run the same number of queries with 5 goals as with 50.

Each goal has two members and a referral. The pinned numbers include the session, the user, the
policy's checks and the audit entry; if one moves, find out why before changing it here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.directory.tests.factories import service_at
from tapestry.mezzo.families.models import FamilyGoal
from tapestry.mezzo.families.tests.helpers import plan_for, today
from tapestry.micro.referrals.models import Referral
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def plan_with(cast, rows: int):
    plan = plan_for(cast.caseworker)
    members = [m.person for m in plan.case.household.memberships.all()]
    service = service_at(40.0, -75.0, name="Weekly groceries")
    for n in range(rows):
        goal = FamilyGoal.objects.create(
            plan=plan, description=f"Goal {n}", target_date=today() + dt.timedelta(days=n)
        )
        goal.members.set(members)
        goal.referrals.add(Referral.objects.create(case=plan.case, service=service, reason="x"))
    return plan


@pytest.mark.parametrize("rows", SIZES)
def test_family_plan_page(cast, rows, django_assert_num_queries):
    plan = plan_with(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("families:case_index", args=[plan.case_id]),
        18,
        django_assert_num_queries,
    )

    assert page.content.decode().count("Weekly groceries</a>") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_family_plan_api(cast, rows, django_assert_num_queries):
    plan = plan_with(cast, rows)

    response = counted(
        client_for(cast.caseworker),
        f"/api/v1/cases/{plan.case_id}/family-plan",
        17,
        django_assert_num_queries,
    )

    assert len(response.json()["goals"]) == rows
