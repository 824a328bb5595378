"""Referrals from a school case are FERPA disclosures: they need signed, dated, written consent
naming the records, the purpose and the recipient (34 CFR 99.30), and carry the 99.33 notice."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.consent_rules import FERPA_NOTICE
from tapestry.access.models import Segment
from tapestry.micro.referrals import services
from tapestry.micro.referrals.disclosure import ConsentMissing
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, consent, recipient, record
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def send(actor, referral):
    return services.referral_send(actor=actor, referral=referral, version=referral.version)


@pytest.fixture
def school_case(cast):
    return a_case(cast.caseworker, segment=Segment.SCHOOL)


def test_an_unwritten_school_consent_does_not_let_a_referral_go(cast, school_case):
    consent(school_case.person, segment=Segment.SCHOOL, to=recipient(), written=False)
    referral = record(cast.caseworker, school_case)

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "34 CFR 99.30" in refused.value.text
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DRAFT


def test_a_school_consent_naming_no_recipient_does_not_let_a_referral_go(cast, school_case):
    recipient()  # the provider is among the agency's organisations; the consent just does not name it
    consent(school_case.person, segment=Segment.SCHOOL, to=None, written=True)
    referral = record(cast.caseworker, school_case)

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "names no recipient" in refused.value.text


def test_an_unwritten_school_consent_is_not_recorded(cast, school_case):
    from django.core.exceptions import ValidationError

    from tapestry.people.services import consent_record

    with pytest.raises(ValidationError) as refused:
        consent_record(
            actor=cast.caseworker,
            person=school_case.person,
            segment=Segment.SCHOOL,
            purpose="referral",
            information="Attendance",
            recipient_organisation=recipient(),
        )
    assert "34 CFR 99.30(a)" in refused.value.message_dict["written"][0]


def test_a_school_consent_covers_only_the_records_it_names(cast, school_case):
    consent(
        school_case.person, segment=Segment.SCHOOL, to=recipient(), written=True, record_parts=["identity"]
    )
    referral = record(cast.caseworker, school_case, parts=["identity", "needs"])

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "does not cover Needs and their codes" in refused.value.text


def test_a_referral_under_written_consent_carries_the_ferpa_notice(cast, school_case):
    consent(school_case.person, segment=Segment.SCHOOL, to=recipient(), written=True)
    referral = send(cast.caseworker, record(cast.caseworker, school_case))
    client = client_for(cast.caseworker)

    summary = client.get(reverse("referrals:referral_summary", args=[referral.pk])).content.decode()
    api = client.get(f"/api/v1/referrals/{referral.pk}").json()

    assert referral.status == Referral.Status.SENT
    assert FERPA_NOTICE in summary
    assert api["redisclosure_notice"] == FERPA_NOTICE
