"""The casework demo: plans on the demo cases' needs, overdue tasks, reviews, notes of every kind, services."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.casework import demo
from tapestry.micro.casework.caseload import caseload_alerts
from tapestry.micro.casework.models import (
    Addendum,
    CarePlan,
    Goal,
    ProgressNote,
    ProgressReview,
    ServiceRecord,
    Task,
)
from tapestry.people.models import HouseholdMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> str:
    demo_load()
    return demo.seed(DemoContext.load("casework-2026"))


def test_it_says_what_it_added_and_a_second_run_adds_nothing(seeded):
    counts = (CarePlan.objects.count(), ProgressNote.objects.count(), ServiceRecord.objects.count())

    again = demo.seed(DemoContext.load("casework-2026"))

    assert "care plans" in seeded and "minutes" in seeded
    assert again == ""
    assert (CarePlan.objects.count(), ProgressNote.objects.count(), ServiceRecord.objects.count()) == counts


def test_goals_address_the_cases_needs_and_plans_have_reviews(seeded):
    goals = Goal.objects.prefetch_related("needs").select_related("plan")

    assert CarePlan.objects.count() >= 4
    assert all(goal.needs.exists() for goal in goals)
    assert all(need.case_id == goal.plan.case_id for goal in goals for need in goal.needs.all())
    assert ProgressReview.objects.filter(goal_ratings__isnull=False).exists()


def test_some_tasks_are_overdue_and_show_on_the_caseworkers_caseload(seeded):
    today = timezone.localdate()
    caseworker = CarePlan.objects.first().case.worker

    alerts = caseload_alerts(user=caseworker)

    assert Task.objects.filter(status="open", due_on__lt=today).count() >= 3
    assert Task.objects.filter(status="done").exists()
    assert {"overdue_task", "upcoming_review"} <= {alert.kind for alert in alerts}


def test_notes_of_every_kind_are_there(seeded):
    signed = ProgressNote.objects.filter(status="signed")

    assert signed.filter(format="dap").exists() and signed.filter(format="soap").exists()
    assert ProgressNote.objects.filter(status="draft").count() == 1
    assert Addendum.objects.count() == 1
    assert ProgressNote.objects.filter(segment="psychotherapy").count() == 1


def test_a_family_session_has_three_household_members_present(seeded):
    session = ProgressNote.objects.get(title="Family session")

    present = list(session.present.all())
    assert len(present) == 3
    members = HouseholdMember.objects.filter(household=session.case.household).values_list(
        "person_id", flat=True
    )
    assert {person.pk for person in present} <= set(members)


def test_services_carry_minutes_and_several_types(seeded):
    assert ServiceRecord.objects.filter(minutes__gt=0).count() == ServiceRecord.objects.count() >= 8
    assert ServiceRecord.objects.values("service_type").distinct().count() >= 4
