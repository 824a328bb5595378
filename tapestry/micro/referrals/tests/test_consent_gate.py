"""Nothing about the person leaves with a referral unless a consent in force allows it.

Substance-use (42 CFR Part 2) referrals need the person's written consent naming the recipient,
and every release of one carries the redisclosure notice.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.referrals import services
from tapestry.micro.referrals.disclosure import REDISCLOSURE_NOTICE, ConsentMissing
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, consent, directory_service, recipient, record
from tapestry.people.models import Address, ContactPoint
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


def send(actor, referral):
    return services.referral_send(actor=actor, referral=referral, version=referral.version)


def test_without_consent_the_referral_is_recorded_but_sending_is_refused_naming_the_missing_consent(cast):
    case = a_case(cast.caseworker)
    referral = record(cast.caseworker, case)

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    person = case.person.display_name
    assert refused.value.message_dict == {
        "consent": [
            f"{person} has no consent in force to share their record with {referral.service.organization.name} "
            "for a referral. Record a consent (purpose: referral to a service) that names "
            f"{referral.service.organization.name} or any recipient."
        ]
    }
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DRAFT
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_the_page_refuses_to_send_and_links_to_recording_a_consent(cast):
    case = a_case(cast.caseworker)
    service = directory_service()
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("referrals:referral_create", args=[case.pk]),
        {
            "service": service.pk,
            "reason": "Assessment, please.",
            "urgency": "routine",
            "parts": ["identity"],
            "send_now": "on",
        },
        follow=True,
    )

    text = response.content.decode()
    assert "Not sent: " in text and "has no consent in force" in text
    assert reverse("people:consent_add", args=[case.person_id]) in text
    assert "Until then the referral stays recorded here" in text
    assert Referral.objects.get().status == Referral.Status.DRAFT


def test_with_consent_in_force_the_referral_is_sent_with_a_deadline_and_the_release_is_audited(cast):
    case = a_case(cast.caseworker)
    given = consent(case.person)
    referral = record(cast.caseworker, case, urgency=Referral.Urgency.URGENT, parts=["identity", "needs"])

    sent = send(cast.caseworker, referral)

    assert sent.status == Referral.Status.SENT
    assert sent.consent == given
    assert sent.response_due_on == timezone.localdate() + dt.timedelta(days=2)
    assert [event.status for event in sent.events.all()] == ["draft", "sent"]
    release = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (release.actor, release.person_id, release.fields) == (
        cast.caseworker,
        case.person_id,
        ["identity", "needs"],
    )


def test_a_consent_naming_another_organisation_does_not_count(cast):
    case = a_case(cast.caseworker)
    recipient()  # the service's provider is known to the agency...
    consent(case.person, to=OrganisationFactory(name="Somewhere Else"))  # ...but the consent names another
    referral = record(cast.caseworker, case)

    with pytest.raises(ConsentMissing):
        send(cast.caseworker, referral)


def test_an_expired_or_revoked_consent_does_not_count(cast):
    case = a_case(cast.caseworker)
    today = timezone.localdate()
    consent(case.person, given_on=today - dt.timedelta(days=400), expires_on=today - dt.timedelta(days=1))
    consent(case.person, revoked_on=today)

    with pytest.raises(ConsentMissing):
        send(cast.caseworker, record(cast.caseworker, case))


def test_substance_use_needs_written_consent_naming_the_recipient(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    clinic = recipient()
    referral = record(cast.caseworker, case)
    consent(case.person, segment=Segment.SUBSTANCE_USE, written=True)  # open to anyone: not enough
    consent(case.person, segment=Segment.SUBSTANCE_USE, to=clinic, written=False)  # not written
    consent(case.person, to=clinic, written=True)  # general record only

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)
    assert refused.value.text == (
        f"{case.person.display_name} has no written consent in force that names {clinic.name} and allows "
        "sharing their substance-use record for a referral. The consent given on "
        f"{timezone.localdate() - dt.timedelta(days=1):%Y-%m-%d} is not a signed, written consent. Record a "
        "written consent holding every element of 42 CFR 2.31 (purpose: referral to a service, segment: "
        f"substance use) naming {clinic.name} and the parts sent."
    )

    written = consent(case.person, segment=Segment.SUBSTANCE_USE, to=clinic, written=True)
    referral.refresh_from_db()
    assert send(cast.caseworker, referral).consent == written


def test_substance_use_to_a_provider_the_agency_does_not_know_cannot_be_sent(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    referral = record(cast.caseworker, case)  # no people.Organisation of that name

    with pytest.raises(ConsentMissing) as refused:
        send(cast.caseworker, referral)

    assert "is not among the agency's organisations yet" in refused.value.text


def test_the_provider_is_matched_again_when_sending(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    referral = record(cast.caseworker, case)
    assert referral.recipient_organisation is None
    consent(case.person, segment=Segment.SUBSTANCE_USE, to=recipient(), written=True)

    assert send(cast.caseworker, referral).recipient_organisation == recipient()


def test_the_summary_of_a_substance_use_referral_carries_the_redisclosure_notice(cast):
    case = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    consent(case.person, segment=Segment.SUBSTANCE_USE, to=recipient(), written=True)
    referral = send(cast.caseworker, record(cast.caseworker, case))
    client = client_for(cast.caseworker)

    summary = client.get(reverse("referrals:referral_summary", args=[referral.pk])).content.decode()
    detail = client.get(reverse("referrals:referral_detail", args=[referral.pk])).content.decode()

    assert "Notice on redisclosure" in summary and REDISCLOSURE_NOTICE in summary
    assert REDISCLOSURE_NOTICE in detail
    assert "42 CFR Part 2" in REDISCLOSURE_NOTICE


def test_a_general_referral_has_no_redisclosure_notice(cast):
    case = a_case(cast.caseworker)
    consent(case.person)
    referral = send(cast.caseworker, record(cast.caseworker, case))

    summary = client_for(cast.caseworker).get(reverse("referrals:referral_summary", args=[referral.pk]))

    assert REDISCLOSURE_NOTICE not in summary.content.decode()


def test_the_summary_shows_only_the_chosen_parts_and_only_what_is_safe_and_is_audited_as_an_export(cast):
    case = a_case(cast.caseworker, needs=("food-insecurity", "unemployment"))
    person = case.person
    ContactPoint.objects.create(person=person, kind="phone", value="(555) 010-1111")
    ContactPoint.objects.create(person=person, kind="phone", value="(555) 010-9999", safe_to_contact=False)
    Address.objects.create(person=person, line1="3 Loom Avenue", city="Riverton", postcode="00808")
    Address.objects.create(person=person, line1="Safe house", city="Riverton", confidential=True)
    consent(person)
    food = case.needs.get(need__code="food-insecurity")
    referral = record(
        cast.caseworker, case, case_needs=[food], parts=["identity", "contact_details", "needs"]
    )

    text = (
        client_for(cast.caseworker)
        .get(reverse("referrals:referral_summary", args=[referral.pk]))
        .content.decode()
    )

    assert f"<dt>Legal name</dt><dd>{person.given_name} {person.family_name}</dd>" in text
    assert "<dt>Date of birth</dt>" in text
    assert "(555) 010-1111" in text and "(555) 010-9999" not in text
    assert "3 Loom Avenue" in text and "Safe house" not in text
    assert "Food insecurity (Z59.41)" in text and "Unemployment" not in text
    assert "Assessment results" not in text
    export = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert export.fields == ["contact_details", "identity", "needs", "reason"]
    assert (
        export.purpose
        == f"outgoing referral summary for Outpatient treatment, under consent {referral.case.person.consents.get().pk}"
    )


def test_without_consent_the_summary_withholds_everything_about_the_person(cast):
    case = a_case(cast.caseworker)
    ContactPoint.objects.create(person=case.person, kind="phone", value="(555) 010-1111")
    referral = record(cast.caseworker, case, parts=["identity", "contact_details"])

    text = (
        client_for(cast.caseworker)
        .get(reverse("referrals:referral_summary", args=[referral.pk]))
        .content.decode()
    )

    assert "Nothing about the person goes with this referral" in text
    assert "(555) 010-1111" not in text and "Date of birth" not in text
    export = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert export.fields == ["reason"]
    assert export.purpose.endswith("person data withheld: no consent in force")


def test_a_consent_revoked_after_sending_stops_any_further_release(cast):
    case = a_case(cast.caseworker)
    given = consent(case.person)
    referral = send(cast.caseworker, record(cast.caseworker, case))
    given.revoked_on = timezone.localdate()
    given.save()

    text = (
        client_for(cast.caseworker)
        .get(reverse("referrals:referral_summary", args=[referral.pk]))
        .content.decode()
    )

    assert "Nothing about the person goes with this referral" in text


def test_the_assessment_summary_is_the_case_s_results_from_the_assessments_timeline(cast, monkeypatch):
    from tapestry.micro.assessments import timeline as assessments_timeline
    from tapestry.micro.cases.hooks import TimelineEvent

    case = a_case(cast.caseworker)
    consent(case.person)
    results = [
        TimelineEvent(
            when=timezone.localdate(), kind="assessment", title="PHQ-9: 10 (Moderate)", case_id=case.pk
        ),
        TimelineEvent(
            when=timezone.localdate(), kind="assessment", title="GAD-7: 3 (Minimal)", case_id=case.pk + 1
        ),
    ]
    monkeypatch.setattr(assessments_timeline, "timeline_events", lambda *, user, person: results)
    referral = record(cast.caseworker, case, parts=["assessment_summary"])

    text = (
        client_for(cast.caseworker)
        .get(reverse("referrals:referral_summary", args=[referral.pk]))
        .content.decode()
    )

    assert "PHQ-9: 10 (Moderate)" in text
    assert "GAD-7" not in text  # another case's result stays behind
