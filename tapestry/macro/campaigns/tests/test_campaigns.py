"""Campaigns: who may record their work, what each write refuses, supporters apart from clients."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.macro.campaigns import services
from tapestry.macro.campaigns.models import Activity, Campaign, Outreach, Signature, Supporter
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.people.models import Person

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def _campaign(cast, **fields):
    return services.campaign_create(
        actor=cast["community_organiser"],
        **{
            "title": "Fix the Bus",
            "kind": Campaign.Kind.POLICY_ADVOCACY,
            "goals": "Evening buses.",
            **fields,
        },
    )


def test_an_organiser_starts_a_campaign_with_an_audit_entry(cast):
    campaign = _campaign(cast)

    entry = AuditEntry.objects.get(object_type="campaigns.campaign", object_id=str(campaign.pk))
    assert entry.action == AuditEntry.Action.CREATE and "goals" in entry.fields


@pytest.mark.parametrize("role", ["evaluator", "grants_officer", "program_manager", "caseworker"])
def test_only_policy_work_may_start_campaigns(cast, role):
    with pytest.raises(PermissionDenied):
        services.campaign_create(actor=cast[role], title="X", kind="social_justice", goals="Y")


def test_a_campaign_is_closed_only_with_its_outcome_and_then_takes_no_more_work(cast):
    organiser = cast["community_organiser"]
    campaign = _campaign(cast)

    with pytest.raises(ValidationError) as silent:
        services.campaign_update(actor=organiser, campaign=campaign, version=1, changes={"status": "won"})
    services.campaign_update(
        actor=organiser,
        campaign=campaign,
        version=1,
        changes={"status": "won", "outcome": "Route 12 restored."},
    )
    campaign.refresh_from_db()
    with pytest.raises(ValidationError, match="campaign is over"):
        services.activity_add(
            actor=organiser, campaign=campaign, kind="media", held_on=today(), title="Too late"
        )

    assert "outcome" in silent.value.message_dict


def test_attendance_is_for_events_only(cast):
    campaign = _campaign(cast)

    with pytest.raises(ValidationError) as refused:
        services.activity_add(
            actor=cast["community_organiser"],
            campaign=campaign,
            kind="media",
            held_on=today(),
            title="A",
            attendance=3,
        )
    event = services.activity_add(
        actor=cast["community_organiser"],
        campaign=campaign,
        kind="event",
        held_on=today(),
        title="B",
        attendance=40,
    )

    assert "attendance" in refused.value.message_dict
    assert event.attendance == 40 and Activity.objects.count() == 1


def test_outreach_goes_to_a_target_of_the_same_campaign(cast):
    organiser = cast["community_organiser"]
    campaign = _campaign(cast)
    other_target = campaign_with(1, title="Other").targets.get()

    with pytest.raises(ValidationError) as refused:
        services.outreach_log(actor=organiser, campaign=campaign, target=other_target, type="phone")
    target = services.target_add(
        actor=organiser, campaign=campaign, family_name="Aldana", title="Council member"
    )
    logged = services.outreach_log(
        actor=organiser, campaign=campaign, target=target, type="phone", duration_minutes=4
    )

    assert "target" in refused.value.message_dict
    assert logged.target == target and Outreach.objects.filter(campaign=campaign).count() == 1


def test_a_supporter_signs_once_and_a_duplicate_email_is_refused(cast):
    organiser = cast["community_organiser"]
    petition = campaign_with(0).petitions.get()
    supporter = services.supporter_add(actor=organiser, given_name="Lena", email="Lena.Osei@Example.org")

    services.signature_add(actor=organiser, petition=petition, supporter=supporter)
    with pytest.raises(ValidationError) as twice:
        services.signature_add(actor=organiser, petition=petition, supporter=supporter)
    with pytest.raises(ValidationError) as same_email:
        services.supporter_add(actor=organiser, given_name="L.", email="lena.osei@example.org")

    assert supporter.email == "lena.osei@example.org"
    assert "already signed" in twice.value.message_dict["supporter"][0]
    assert "already recorded" in same_email.value.message_dict["email"][0]


def test_a_new_supporter_and_their_signature_are_stored_together_or_not_at_all(cast):
    organiser = cast["community_organiser"]
    petition = campaign_with(0).petitions.get()
    finished = campaign_with(0, title="Over")
    Campaign.objects.filter(pk=finished.pk).update(status="lost", outcome="It failed.")
    closed_petition = finished.petitions.get()
    closed_petition.campaign.refresh_from_db()

    signed = services.sign_up(
        actor=organiser, petition=petition, supporter={"given_name": "Ines", "postal_code": "00807"}
    )
    with pytest.raises(ValidationError):
        services.sign_up(actor=organiser, petition=closed_petition, supporter={"given_name": "Hugo"})

    assert signed.supporter.given_name == "Ines"
    assert list(Supporter.objects.values_list("given_name", flat=True)) == ["Ines"]
    assert Signature.objects.count() == 1


def test_supporters_are_not_client_records(cast):
    organiser = cast["community_organiser"]
    before = Person.objects.count()

    services.supporter_add(actor=organiser, given_name="Mei", family_name="Tan")

    assert Person.objects.count() == before
    assert not any(
        field.related_model is Person for field in Supporter._meta.get_fields() if field.is_relation
    )


def test_a_milestone_is_reached_once(cast):
    milestone = campaign_with(1).milestones.get()

    services.milestone_reached(actor=cast["community_organiser"], milestone=milestone)
    with pytest.raises(ValidationError, match="was reached"):
        services.milestone_reached(actor=cast["community_organiser"], milestone=milestone)
    with pytest.raises(ValidationError):
        other = campaign_with(1, title="B").milestones.get()
        services.milestone_reached(
            actor=cast["community_organiser"], milestone=other, reached_on=today() + dt.timedelta(days=1)
        )
