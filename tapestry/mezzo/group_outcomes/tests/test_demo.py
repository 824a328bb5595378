"""The demo agency's group outcomes: goals for every group, improving pre/post measures for support and therapy groups."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.mezzo.group_outcomes import demo
from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure
from tapestry.mezzo.group_outcomes.selectors import outcome_report
from tapestry.mezzo.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency() -> DemoContext:
    """The core demo agency with three groups, as the groups app would have seeded them."""
    demo_load()
    ctx = DemoContext.load("group-outcomes-2026")
    start = timezone.localdate() - timedelta(days=63)
    facilitator = ctx.staff["caseworker"]
    people = ctx.caseload("caseworker") + ctx.caseload("priya.natarajan")
    for n, kind in enumerate((Group.Kind.SUPPORT, Group.Kind.THERAPY, Group.Kind.PARENTING)):
        group = Group.objects.create(
            name=f"Demo {kind}",
            kind=kind,
            purpose="Demo",
            capacity=12,
            first_session_on=start,
            start_time=time(18, 0),
            session_count=8,
            status=Group.Status.RUNNING,
        )
        group.facilitators.add(facilitator)
        for person in people[n * 8 : n * 8 + 8]:
            Membership.objects.create(group=group, person=person, status="enrolled", enrolled_on=start)
    return ctx


def test_every_group_gets_goals_and_the_support_and_therapy_groups_improve(agency):
    summary = demo.seed(agency)

    assert summary.endswith("pre/post measures")
    for group in Group.objects.all():
        assert 2 <= GroupGoal.objects.filter(group=group).count() <= 3
    assert not MemberMeasure.objects.filter(membership__group__kind=Group.Kind.PARENTING).exists()
    for kind, code in ((Group.Kind.SUPPORT, "phq-9"), (Group.Kind.THERAPY, "gad-7")):
        group = Group.objects.get(kind=kind)
        outcome = outcome_report(user=agency.staff["caseworker"], group=group).outcomes[0]
        assert outcome.code == code
        assert outcome.n_both >= 4
        assert outcome.average_change < 0  # better on the whole


def test_a_second_run_adds_nothing(agency):
    demo.seed(agency)
    scores = list(MemberMeasure.objects.order_by("pk").values_list("total_score", flat=True))

    assert demo.seed(DemoContext.load("group-outcomes-2026")) == ""
    assert list(MemberMeasure.objects.order_by("pk").values_list("total_score", flat=True)) == scores


def test_without_groups_there_is_nothing_to_seed():
    assert demo.seed(DemoContext.load("group-outcomes-2026")) == ""
    assert not GroupGoal.objects.exists()
