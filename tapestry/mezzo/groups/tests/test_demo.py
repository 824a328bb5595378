"""The demo agency's groups: every kind of group the brief names, members from caseloads, a waiting list, exits."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.demo.context import DemoContext
from tapestry.mezzo.groups import demo
from tapestry.mezzo.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def test_the_demo_groups_and_a_second_load():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    before = (Group.objects.count(), Membership.objects.count())

    again = demo.seed(DemoContext.load("groups-2026"))

    assert "tapestry.mezzo.groups: 7 groups" in out.getvalue()
    assert again == "" and (Group.objects.count(), Membership.objects.count()) == before
    assert 6 <= before[0] <= 8
    kinds = set(Group.objects.values_list("kind", flat=True))
    assert {"support", "parenting", "youth", "after_school", "classroom", "therapy"} <= kinds

    facilitator = User.objects.get(username="group_facilitator")
    assert Group.objects.filter(facilitators=facilitator).count() >= 2
    assert Group.objects.exclude(program=None).exists()

    seats = Group.objects.annotate(
        enrolled=Count("memberships", filter=Q(memberships__status="enrolled")),
        waiting=Count("memberships", filter=Q(memberships__status="waiting")),
    )
    full = [g for g in seats if g.enrolled == g.capacity and g.waiting]
    assert full, "one group is full with a waiting list"
    positions = list(
        Membership.objects.filter(group=full[0], status="waiting")
        .order_by("waiting_position")
        .values_list("waiting_position", flat=True)
    )
    assert positions == list(range(1, len(positions) + 1))
    assert Membership.objects.filter(status="exited").exclude(exit_reason="").count() >= 2
    assert Membership.objects.filter(case__isnull=False).exists()
    assert Membership.objects.filter(case__isnull=True).exists()
    # Every client member came from an open case of theirs.
    assert not Membership.objects.filter(case__isnull=False).exclude(case__person=F("person")).exists()

    recovery = Group.objects.get(segment=Segment.SUBSTANCE_USE)
    runner = recovery.facilitators.get()
    assert policy.visible(runner, Membership.objects.filter(group=recovery)).count() == (
        Membership.objects.filter(group=recovery).count()
    )
    assert Membership.objects.filter(group=recovery).exclude(case__segment=Segment.SUBSTANCE_USE).count() == 0
