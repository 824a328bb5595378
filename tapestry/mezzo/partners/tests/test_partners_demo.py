"""Demo partnerships: agreements with the demo organisations, one due for renewal, referrals received."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.mezzo.partners import demo
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.mezzo.partners.tests.helpers import case_of
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db

NAMES = {name for name, *_ in demo.AGREEMENTS}


@pytest.fixture
def demo_agency(cast):
    for name in sorted(NAMES):
        OrganisationFactory(name=name)
    Program.objects.create(name="Families First")
    Program.objects.create(name="Youth Futures")
    return [case_of(cast.caseworker) for _ in range(8)]


def test_seed_makes_partnerships_with_the_demo_organisations(demo_agency):
    summary = demo.seed(DemoContext.load("partners-2026"))

    assert summary == "6 partnerships, 6 referrals received from partners"
    assert {p.organisation.name for p in Partnership.objects.all()} == NAMES
    assert any(p.renewal_due for p in Partnership.objects.all())
    assert Partnership.objects.filter(programs__isnull=False).exists()
    assert IncomingReferral.objects.filter(partnership__agreement_type="referral").count() == 6


def _made() -> list[tuple]:
    rows = IncomingReferral.objects.values_list("case_id", "partnership__organisation__name", "received_on")
    return sorted(rows)


def test_seed_runs_once_and_is_deterministic(demo_agency):
    demo.seed(DemoContext.load("partners-2026"))
    first = _made()

    assert demo.seed(DemoContext.load("partners-2026")) == ""
    assert Partnership.objects.count() == 6
    IncomingReferral.objects.all().delete()
    Partnership.objects.all().delete()
    demo.seed(DemoContext.load("partners-2026"))
    assert _made() == first


def test_seed_does_nothing_without_the_demo_organisations(cast):
    assert demo.seed(DemoContext.load("partners-2026")) == ""
    assert not Partnership.objects.exists()
