"""The demo raises a signal: a cluster of unmet housing needs in Ashgrove this quarter."""

from __future__ import annotations

import pytest

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import CaseNeed
from tapestry.places import demo as places_demo
from tapestry.testing import UserFactory
from tapestry.thread.signals import demo
from tapestry.thread.signals.models import Signal

pytestmark = pytest.mark.django_db


def test_the_demo_raises_a_housing_cluster_in_ashgrove_once():
    UserFactory(username="priya.natarajan", role=Role.CASEWORKER)
    UserFactory(username="kai.nakoa", role=Role.CASEWORKER)
    UserFactory(username="community_organiser", role=Role.COMMUNITY_ORGANISER)
    places_demo.seed(DemoContext.load("places"))

    summary = demo.seed(DemoContext.load("signals"))

    assert summary.startswith("14 clients with unmet housing needs in Ashgrove")
    signal = Signal.objects.get(area__code="N-N", need__code="housing-instability")
    assert signal.observed == 14 and signal.status == Signal.Status.OPEN
    assert demo.seed(DemoContext.load("signals")) == ""
    # Written as a worker would: each need identified first, with its history, by the case's worker.
    needs = CaseNeed.objects.filter(need__code="housing-instability").prefetch_related("changes")
    assert {need.case.worker.username for need in needs} == {"priya.natarajan", "kai.nakoa"}
    assert all([change.status for change in need.changes.all()] == ["identified"] for need in needs)
