"""Demo family plans: two households with goals and a linked referral."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.directory.tests.factories import service_at
from tapestry.mezzo.families import demo
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.mezzo.families.tests.helpers import family_case
from tapestry.micro.cases.models import Case
from tapestry.testing import HouseholdFactory, add_member, open_case

pytestmark = pytest.mark.django_db


def test_seed_makes_two_plans_with_goals_and_a_linked_referral(cast):
    family_case(cast.caseworker)
    family_case(cast.caseworker)
    service_at(40.0, -75.0, needs=("housing-instability", "food-insecurity"), name="Family support desk")

    summary = demo.seed(DemoContext.load("families-2026"))

    assert summary == "2 family plans with 5 goals and 2 linked referrals"
    assert FamilyGoal.objects.filter(referrals__isnull=False).count() == 2
    assert all(plan.revisions.count() == 1 for plan in FamilyPlan.objects.all())


def test_seed_gives_a_case_its_household_when_too_few_cases_have_one(cast):
    case = open_case(cast.caseworker)
    household = HouseholdFactory()
    add_member(household, case.person)
    other = family_case(cast.caseworker)

    demo.seed(DemoContext.load("families-2026"))

    assert Case.objects.get(pk=case.pk).household == household
    assert set(FamilyPlan.objects.values_list("case_id", flat=True)) == {case.pk, other.pk}


def test_seed_runs_once(cast):
    family_case(cast.caseworker)
    demo.seed(DemoContext.load("families-2026"))

    assert demo.seed(DemoContext.load("families-2026")) == ""
    assert FamilyPlan.objects.count() == 1


def test_seed_does_nothing_without_family_cases(cast):
    open_case(cast.caseworker)

    assert demo.seed(DemoContext.load("families-2026")) == ""
    assert not FamilyPlan.objects.exists()
