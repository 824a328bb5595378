"""The demo agency's child welfare: one family's whole story and a screened-out report, loaded once."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.access.models import User
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.cases import demo as cases_demo
from tapestry.micro.child_welfare import caseload, demo, timeline
from tapestry.micro.child_welfare.models import Hearing, Investigation, Placement, Report, SafetyAssessment
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def seed() -> str:
    return demo.seed(DemoContext.load("child_welfare-2026"))


@pytest.fixture
def agency() -> None:
    demo_load()
    cases_demo.seed(DemoContext.load("cases-2026"))


def test_the_worker_has_the_whole_story_and_a_second_run_adds_nothing(agency):
    summary = seed()

    worker = User.objects.get(username="child_welfare_worker")
    screened_in = Report.objects.get(screening="screened_in")
    assert summary == "3 reports, 2 placements, 2 court hearings"
    assert screened_in.case.worker == worker
    assert Investigation.objects.get(report=screened_in).closed_on is not None
    assert set(screened_in.allegations.values_list("finding", flat=True)) == {"substantiated", "inconclusive"}
    assert Report.objects.filter(screening="screened_out").exclude(screening_reason="").count() == 1
    assert SafetyAssessment.objects.filter(decision="conditionally_safe", plan__isnull=False).count() == 1
    placements = Placement.objects.order_by("started_on")
    assert [(p.placement_type, p.is_open) for p in placements] == [("kinship", False), ("foster", True)]
    assert [h.scheduled_at > timezone.now() for h in Hearing.objects.order_by("scheduled_at")] == [
        False,
        True,
    ]
    assert seed() == ""
    assert Report.objects.count() == 3


def test_the_demo_worker_sees_it_and_the_caseworker_does_not(agency):
    seed()
    worker = User.objects.get(username="child_welfare_worker")
    case = Report.objects.get(screening="screened_in").case

    page = client_for(worker).get(f"/child-welfare/case/{case.pk}/")
    kinds = {alert.kind for alert in caseload.caseload_alerts(user=worker)}

    assert page.status_code == 200
    assert "Foster care" in page.content.decode()
    assert kinds == {"upcoming_review"}
    assert timeline.timeline_events(user=User.objects.get(username="caseworker"), person=case.person) == []


def test_without_cases_from_the_cases_app_it_opens_its_own(db):
    demo_load()

    assert seed() == "3 reports, 2 placements, 2 court hearings"
    assert {report.case.segment for report in Report.objects.select_related("case")} == {"child_welfare"}
