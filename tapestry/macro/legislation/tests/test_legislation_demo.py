"""The demo's legislation: bills at each stage, the agency's work on them, seeded once."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.macro.legislation import demo
from tapestry.macro.legislation.models import Bill, PaperVersion, Status
from tapestry.testing import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_bills_stand_at_different_stages_and_seed_once():
    UserFactory(username="community_organiser", role=Role.COMMUNITY_ORGANISER)

    added = demo.seed(DemoContext.load("legislation"))
    again = demo.seed(DemoContext.load("legislation"))

    assert added and again == ""
    status = dict(Bill.objects.values_list("identifier", "status"))
    assert status == {
        "HB 101": Status.LAW,
        "SB 44": Status.FAILED_COMMITTEE,
        "HB 318": Status.IN_COMMITTEE,
        "Reg 12-305": Status.NO_ACTION,
    }
    pending = Bill.objects.get(identifier="HB 318")
    hearing = pending.hearings.get()
    assert 6 <= (hearing.starts_at.date() - timezone.localdate()).days <= 7
    assert pending.position.stance == "support_if_amended"
    assert list(PaperVersion.objects.values_list("number", flat=True)) == [2, 1]
    assert Bill.objects.get(identifier="HB 101").testimony.exists()
    assert pending.contacts.get().legislator.name == "Delegate Priya Lacombe"
    assert Bill.objects.get(identifier="Reg 12-305").kind == Bill.Kind.REGULATION


def test_without_the_organiser_the_demo_adds_nothing():
    assert demo.seed(DemoContext.load("legislation")) == ""
    assert not Bill.objects.exists()
