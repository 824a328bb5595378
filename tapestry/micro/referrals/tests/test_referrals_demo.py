"""Demo referrals: one in every status on the demo caseloads, each sent one under a consent in force."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.access.models import Segment
from tapestry.demo.context import DemoContext
from tapestry.micro.referrals import demo, disclosure
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_cases(cast):
    OrganisationFactory(name="Harbourview Recovery Clinic", kind="health")
    OrganisationFactory(name="Riverton Food Collective")
    general = [a_case(cast.caseworker, needs=("food-insecurity",)) for _ in range(8)]
    substance = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE, needs=("substance-use",))
    return general, substance


def test_seed_makes_a_referral_in_every_status(demo_cases):
    summary = demo.seed(DemoContext.load("referrals-2026"))

    assert summary == "8 referrals in every status"
    assert set(Referral.objects.values_list("status", flat=True)) == set(Referral.Status.values)
    completed = Referral.objects.get(status="completed")
    assert [e.status for e in completed.events.all()] == [
        "draft",
        "sent",
        "received",
        "accepted",
        "completed",
    ]
    assert Referral.objects.get(status="declined").decline_reason
    today = timezone.localdate()
    assert Referral.objects.get(status="no_response").response_due_on < today
    assert Referral.objects.get(status="sent").response_due_on > today


def test_every_sent_demo_referral_travels_under_a_consent_in_force(demo_cases):
    _, substance = demo_cases
    demo.seed(DemoContext.load("referrals-2026"))

    for referral in Referral.objects.exclude(status="draft"):
        assert disclosure.consent_in_force(referral) == referral.consent
    # The one only recorded shows the consent check: nothing covers it yet.
    assert disclosure.consent_in_force(Referral.objects.get(status="draft")) is None
    part2 = Referral.objects.get(case=substance)
    assert (
        part2.consent.written and part2.consent.recipient_organisation.name == "Harbourview Recovery Clinic"
    )
    assert part2.service.organization.name == "Harbourview Recovery Clinic"


def test_seed_runs_once(demo_cases):
    demo.seed(DemoContext.load("referrals-2026"))

    assert demo.seed(DemoContext.load("referrals-2026")) == ""
    assert Referral.objects.count() == 8


def test_seed_does_nothing_without_cases(cast):
    assert demo.seed(DemoContext.load("referrals-2026")) == ""
    assert not Referral.objects.exists()
