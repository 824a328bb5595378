"""The demo campaigns load once: one of each kind, a petition with signatures, outreach per target."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.macro.campaigns import demo
from tapestry.macro.campaigns.models import Campaign, Outreach, Signature

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(cast):
    first = demo.seed(DemoContext.load("campaigns-2026"))
    second = demo.seed(DemoContext.load("campaigns-2026"))

    assert first == "4 campaigns, 6 supporters" and second == ""
    assert set(Campaign.objects.values_list("kind", flat=True)) == set(Campaign.Kind.values)
    assert Signature.objects.count() == 6
    assert Outreach.objects.values("target").distinct().count() == 2
