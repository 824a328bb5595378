"""The demo coalitions load once, on the demo organisations, with an overdue and a done action item."""

from __future__ import annotations

import pytest

from tapestry.access.models import User
from tapestry.demo.context import DemoContext
from tapestry.macro.coalitions import demo
from tapestry.macro.coalitions.models import ActionItem, Coalition
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(cast):
    for name in {member[0] for coalition in demo.COALITIONS for member in coalition[5]}:
        OrganisationFactory(name=name)

    first = demo.seed(DemoContext.load("coalitions-2026"))
    second = demo.seed(DemoContext.load("coalitions-2026"))

    housing = Coalition.objects.get(name="Riverton Housing Justice Coalition")
    assert first == "2 coalitions with 2 meetings" and second == ""
    assert housing.memberships.count() == 4 and housing.needs.exists()
    assert housing.our_lead == User.objects.get(username="community_organiser")
    items = list(ActionItem.objects.all())
    assert any(item.done_on for item in items)
    assert any(item.is_overdue for item in items)
