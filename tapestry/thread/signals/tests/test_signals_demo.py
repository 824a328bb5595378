"""The demo raises a signal: a cluster of unmet housing needs in Ashgrove this quarter."""

from __future__ import annotations

import pytest

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.places import demo as places_demo
from tapestry.testing import UserFactory
from tapestry.thread.signals import demo
from tapestry.thread.signals.models import Signal

pytestmark = pytest.mark.django_db


def test_the_demo_raises_a_housing_cluster_in_ashgrove_once():
    UserFactory(username="caseworker", role=Role.CASEWORKER)
    UserFactory(username="community_organiser", role=Role.COMMUNITY_ORGANISER)
    places_demo.seed(DemoContext.load("places"))

    summary = demo.seed(DemoContext.load("signals"))

    assert summary.startswith("14 clients with unmet housing needs in Ashgrove")
    signal = Signal.objects.get(area__code="N-N", need__code="housing-instability")
    assert signal.observed == 14 and signal.status == Signal.Status.OPEN
    assert demo.seed(DemoContext.load("signals")) == ""
