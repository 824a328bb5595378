"""The demo agency's compliance items: some overdue, some due soon, recurring ones, one done with the
next already kept; owned by the director and the administrator; seeded once."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import STAFF
from tapestry.macro.leadership import demo, selectors
from tapestry.macro.leadership.models import ComplianceItem
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx() -> DemoContext:
    for username, role in (("agency_director", Role.AGENCY_DIRECTOR), ("administrator", Role.ADMINISTRATOR)):
        UserFactory(username=username, role=role)
    return DemoContext.load("leadership")


def test_the_demo_agency_has_a_director():
    assert [m.username for m in STAFF if m.role == Role.AGENCY_DIRECTOR] == ["agency_director"]


def test_the_demo_has_overdue_due_soon_and_recurring_items(ctx):
    summary = demo.seed(ctx)

    director = ctx.staff["agency_director"]
    today = timezone.localdate()
    items = list(ComplianceItem.objects.all())
    assert summary == "10 compliance items"
    assert {item.kind for item in items} == set(ComplianceItem.Kind.values)
    assert selectors.compliance_list(user=director, show="overdue").count() == 2
    assert selectors.compliance_list(user=director, show="due_soon").count() == 3
    assert {item.recurrence for item in items} >= {"yearly", "months"}
    assert ComplianceItem.objects.filter(follows__status="done").count() == 1
    assert all(item.owner is not None for item in items)
    assert all(item.due_on != today or item.status == "open" for item in items)
    assert demo.seed(ctx) == ""  # a second run adds nothing

    for user in (director, ctx.staff["administrator"]):
        client = client_for(user)
        assert client.get(reverse("leadership:dashboard")).status_code == 200
        assert client.get(reverse("leadership:compliance_list")).status_code == 200
