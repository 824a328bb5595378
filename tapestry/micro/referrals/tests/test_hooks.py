"""What referrals add to the person's timeline and ecomap, for what the viewer may see only."""

from __future__ import annotations

import pytest

from tapestry.access.models import Segment
from tapestry.micro.referrals import ecomap, services, timeline
from tapestry.micro.referrals.tests.helpers import a_case, consent, directory_service, recipient, record, sent

pytestmark = pytest.mark.django_db


def test_each_step_of_a_referral_is_on_the_timeline(cast):
    case = a_case(cast.caseworker)
    referral = sent(cast.caseworker, case)
    services.referral_status_change(
        actor=cast.caseworker, referral=referral, status="received", version=referral.version
    )

    events = timeline.timeline_events(user=cast.teammate, person=case.person)

    assert [(e.kind, e.title) for e in events] == [
        ("referral", "Referral to Outpatient treatment: recorded, not sent"),
        ("referral", "Referral to Outpatient treatment: sent"),
        ("referral", "Referral to Outpatient treatment: received"),
    ]
    assert {e.case_id for e in events} == {case.pk}
    assert events[0].url == f"/referrals/{referral.pk}/"


def test_substance_use_referrals_stay_off_the_timeline_of_viewers_without_the_grant(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    consent(case.person, segment=Segment.SUBSTANCE_USE, to=recipient(), written=True)
    sent(cast.caseworker, case)

    assert len(timeline.timeline_events(user=cast.caseworker, person=case.person)) == 2
    assert timeline.timeline_events(user=cast.teammate, person=case.person) == []
    assert ecomap.ecomap_links(user=cast.teammate, person=case.person) == []


def test_the_ecomap_shows_each_service_referred_to_from_its_latest_referral(cast):
    case = a_case(cast.caseworker)
    treatment = directory_service()
    first = sent(cast.caseworker, case, treatment)
    services.referral_status_change(
        actor=cast.caseworker, referral=first, status="declined", version=first.version, decline_reason="Full"
    )
    sent(cast.caseworker, case, treatment)
    record(cast.caseworker, case, directory_service(name="Never sent"))

    links = ecomap.ecomap_links(user=cast.caseworker, person=case.person)

    assert [(link.label, link.kind, link.stressful) for link in links] == [
        ("Outpatient treatment", "service", False)
    ]
    assert links[0].detail == f"{treatment.organization.name} · referral sent"
