"""The demo's at-risk clients show their alerts: the screens' and the risk assessment's suicide risk."""

from __future__ import annotations

import pytest

from tapestry.access.models import User
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.alerts import demo
from tapestry.micro.alerts.models import AlertKind, AlertSource, ClientAlert
from tapestry.micro.alerts.selectors import alerts_for
from tapestry.micro.crisis import demo as crisis_demo
from tapestry.micro.crisis.models import RiskAssessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> str:
    demo_load()
    crisis_demo.seed(DemoContext.load("crisis-2026"))
    return demo.seed(DemoContext.load("alerts-2026"))


def test_the_client_at_high_risk_shows_a_suicide_risk_and_a_safety_plan_alert(seeded):
    high = RiskAssessment.objects.get(highest_level="high")
    worker = User.objects.get(username="crisis_worker")

    kinds = [alert.kind for alert in alerts_for(user=worker, person=high.case.person)]

    assert kinds[:2] == [AlertKind.SUICIDE_RISK, AlertKind.SAFETY_PLAN]
    alert = ClientAlert.objects.get(source=AlertSource.RISK_ASSESSMENT)
    assert alert.raised_at == high.assessed_at and alert.resolved_at is None


def test_a_home_visit_concern_is_raised_and_seeding_again_adds_nothing(seeded):
    assert ClientAlert.objects.filter(kind=AlertKind.HOME_VISIT_SAFETY).count() == 1
    count = ClientAlert.objects.count()

    assert demo.seed(DemoContext.load("alerts-2026")) == ""
    assert ClientAlert.objects.count() == count
