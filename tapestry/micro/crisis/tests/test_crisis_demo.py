"""The demo agency's crisis work: a high suicide risk, a safety plan, and a missed follow-up escalated."""

from __future__ import annotations

import pytest

from tapestry.access.models import User
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.alerts import caseload as alerts_caseload
from tapestry.micro.crisis import caseload, demo
from tapestry.micro.crisis.models import Escalation, FollowUp, RiskAssessment, SafetyPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> str:
    demo_load()
    return demo.seed(DemoContext.load("crisis-2026"))


def test_the_demo_shows_a_crisis_from_assessment_to_escalation(seeded):
    high = RiskAssessment.objects.get(highest_level="high")
    assert high.findings.get(risk_type="suicide").level == "high"
    assert high.emergency_contacts.get().service == "mobile_crisis"
    assert SafetyPlan.objects.get(case=high.case).professional_contacts
    assert FollowUp.objects.filter(done_at__isnull=False).count() == 1
    escalation = Escalation.objects.get()
    assert [user.username for user in escalation.recipients.all()] == ["supervisor"]
    assert escalation.follow_up.owner.username == "crisis_worker"
    assert seeded == "2 risk assessments, 1 safety plan, 3 urgent follow-ups, 1 escalated"


def test_the_supervisor_and_the_crisis_worker_see_it_on_their_caseload(seeded):
    supervisor = User.objects.get(username="supervisor")
    worker = User.objects.get(username="crisis_worker")

    supervisor_titles = [alert.title for alert in caseload.caseload_alerts(user=supervisor)]
    worker_kinds = sorted(alert.kind for alert in caseload.caseload_alerts(user=worker))
    # The high suicide risk flags the caseload through the client alert it raised.
    risk_flags = [alert.title for alert in alerts_caseload.caseload_alerts(user=supervisor)]

    assert any(title.startswith("Escalated: Diego Ferreira missed") for title in supervisor_titles)
    assert any("suicide risk high" in title for title in risk_flags)
    assert worker_kinds == ["overdue_task"]


def test_seeding_again_adds_nothing(seeded):
    before = (RiskAssessment.objects.count(), FollowUp.objects.count(), Escalation.objects.count())

    again = demo.seed(DemoContext.load("crisis-2026"))

    assert again == ""
    assert (RiskAssessment.objects.count(), FollowUp.objects.count(), Escalation.objects.count()) == before
