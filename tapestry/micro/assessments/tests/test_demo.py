"""The demo agency's assessments: improving series, a recent crisis flag, screens with needs; loaded once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tapestry.access.models import Segment, SegmentGrant
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.assessments import demo
from tapestry.micro.assessments.caseload import caseload_alerts
from tapestry.micro.assessments.models import Assessment, CustomForm
from tapestry.micro.assessments.selectors import assessments_visible
from tapestry.micro.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency() -> DemoContext:
    """The core demo agency with a few open cases, as the cases app would have seeded them."""
    demo_load()
    ctx = DemoContext.load("assessments-2026")
    worker = ctx.staff["caseworker"]
    six_months_ago = timezone.localdate() - timedelta(days=200)
    kinds = [
        "counselling",
        "mental_health",
        "case_management",
        "counselling",
        "case_management",
        "family_therapy",
    ]
    people = ctx.caseload("caseworker")
    for person, kind in zip(people, kinds, strict=False):
        Case.objects.create(
            person=person, worker=worker, case_type=kind, presenting_problem="Demo", opened_on=six_months_ago
        )
    crisis_worker = ctx.staff["crisis_worker"]
    Case.objects.create(
        person=ctx.caseload("crisis_worker")[0],
        worker=crisis_worker,
        case_type="crisis",
        presenting_problem="Demo",
    )
    Case.objects.create(
        person=people[-1],
        worker=worker,
        case_type="substance_use",
        segment=Segment.SUBSTANCE_USE,
        presenting_problem="Demo",
    )
    return ctx


def test_the_seed_adds_improving_series_a_crisis_flag_screens_and_a_custom_form(agency):
    summary = demo.seed(agency)

    assert summary.endswith("and 1 custom form")
    for case in Case.objects.filter(assessments__instrument="phq-9").distinct():
        phq = list(case.assessments.filter(instrument="phq-9").order_by("administered_on"))
        assert len(phq) >= 4
        assert phq[-1].total_score < phq[0].total_score  # the person got better
    assert Assessment.objects.filter(instrument="phq-9", crisis=True).count() == 1
    cssrs = Assessment.objects.get(instrument="c-ssrs-screen", crisis=True)
    assert cssrs.case.case_type == "crisis"
    # Its flag on the caseload is the suicide-risk alert it raises (tapestry.micro.alerts seeds it).
    assert all(not a.url.endswith(f"/{cssrs.pk}/") for a in caseload_alerts(user=cssrs.case.worker))
    screens = Assessment.objects.filter(instrument="ahc-hrsn")
    assert screens.count() >= 3 and any(screen.needs_detected for screen in screens)
    assert Assessment.objects.filter(instrument="dast-10", case__segment=Segment.SUBSTANCE_USE).count() == 2
    assert CustomForm.objects.get().assessments.exists()


def test_a_second_run_adds_nothing(agency):
    demo.seed(agency)
    count = Assessment.objects.count()

    assert demo.seed(DemoContext.load("assessments-2026")) == ""
    assert Assessment.objects.count() == count


def test_without_cases_there_is_nothing_to_seed():
    assert demo.seed(DemoContext.load("assessments-2026")) == ""
    assert not CustomForm.objects.exists()


def test_the_demo_caseworker_sees_the_substance_use_screens_only_with_the_grant(agency):
    demo.seed(agency)
    worker = agency.staff["caseworker"]
    granted = SegmentGrant.objects.filter(user=worker, segment=Segment.SUBSTANCE_USE).exists()
    visible = assessments_visible(worker).filter(instrument="dast-10").exists()
    assert visible == granted
