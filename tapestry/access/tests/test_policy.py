"""The access policy: who may open which person, by role, assignment, team and supervision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import BreakGlass, Consent, Role, Segment
from tapestry.people.models import Relationship
from tapestry.testing import (
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    assign,
    grant,
    signed_consent_elements,
)

pytestmark = pytest.mark.django_db


def test_caseworker_sees_own_and_team_caseload_but_not_outsiders(cast):
    mine, teams, outsiders = PersonFactory(), PersonFactory(), PersonFactory()
    assign(cast.caseworker, mine)
    assign(cast.teammate, teams)
    assign(cast.outsider, outsiders)

    visible = set(policy.persons_visible(cast.caseworker))

    assert visible == {mine, teams}


def test_supervisor_sees_supervisees_caseloads(cast):
    person = PersonFactory()
    assign(cast.teammate, person)

    assert policy.can_view_person(cast.supervisor, person)
    assert not policy.can_view_person(cast.outsider, person)


def test_ended_assignment_no_longer_gives_access(cast):
    person = PersonFactory()
    assignment = assign(cast.outsider, person)
    assignment.ended_on = timezone.localdate()
    assignment.save()

    assert not policy.can_view_person(cast.outsider, person)


@pytest.mark.parametrize(
    "role",
    [
        Role.EVALUATOR,
        Role.ADMINISTRATOR,
        Role.AUDITOR,
        Role.GROUP_FACILITATOR,
        Role.GRANTS_OFFICER,
        Role.AGENCY_DIRECTOR,
    ],
)
def test_roles_without_caseloads_see_no_person_even_if_assigned(cast, role):
    person = PersonFactory()
    assign(cast[role], person)

    assert not policy.persons_visible(cast[role]).exists()


def test_break_glass_gives_read_only_access_until_it_expires(cast):
    person = PersonFactory()
    entry = BreakGlass.objects.create(
        user=cast.outsider,
        person=person,
        reason="Client at risk",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    assert policy.can_view_person(cast.outsider, person)
    assert not policy.can_change_person(cast.outsider, person)

    entry.expires_at = timezone.now() - timedelta(seconds=1)
    entry.save()
    assert not policy.can_view_person(cast.outsider, person)


def test_segments_need_an_unrevoked_unexpired_grant(cast):
    assert not policy.can_view_segment(cast.caseworker, Segment.SUBSTANCE_USE)
    given = grant(cast.caseworker, Segment.SUBSTANCE_USE)
    assert policy.can_view_segment(cast.caseworker, Segment.SUBSTANCE_USE)
    given.revoked_at = timezone.now()
    given.save()
    assert not policy.can_view_segment(cast.caseworker, Segment.SUBSTANCE_USE)


def test_a_segment_grant_does_not_help_a_role_without_client_access(cast):
    grant(cast[Role.EVALUATOR], Segment.SCHOOL)
    assert not policy.can_view_segment(cast[Role.EVALUATOR], Segment.SCHOOL)


def test_visible_filters_person_level_rows_and_their_segments(cast):
    mine, other = PersonFactory(), PersonFactory()
    assign(cast.caseworker, mine)
    general = Consent.objects.create(person=mine, information="Contact details", purpose="referral")
    secret = Consent.objects.create(
        person=mine,
        information="Treatment dates",
        purpose="referral",
        segment=Segment.SUBSTANCE_USE,
        written=True,
    )
    Consent.objects.create(person=other, information="Anything", purpose="referral")

    assert list(policy.visible(cast.caseworker, Consent.objects.all())) == [general]
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    assert set(policy.visible(cast.caseworker, Consent.objects.all())) == {general, secret}


def test_visible_refuses_models_not_declared_person_level(cast):
    with pytest.raises(LookupError):
        policy.visible(cast.caseworker, BreakGlass.objects.all())


def test_relationships_are_visible_from_either_end(cast):
    mine, relative = PersonFactory(), PersonFactory()
    assign(cast.caseworker, mine)
    link = Relationship.objects.create(from_person=relative, to_person=mine, kind=Relationship.Kind.PARENT)

    assert list(policy.visible(cast.caseworker, Relationship.objects.all())) == [link]


class TestDisclosure:
    def test_general_record_needs_a_consent_in_force_for_the_purpose(self, cast):
        person = PersonFactory()
        assign(cast.caseworker, person)
        clinic = OrganisationFactory()
        kwargs = {"person": person, "segment": "", "purpose": "referral", "recipient": clinic}
        assert not policy.may_disclose(cast.caseworker, **kwargs)

        consent = Consent.objects.create(person=person, information="Name and needs", purpose="referral")
        assert policy.may_disclose(cast.caseworker, **kwargs)

        consent.revoked_on = timezone.localdate()
        consent.save()
        assert not policy.may_disclose(cast.caseworker, **kwargs)

    def test_substance_use_needs_written_consent_naming_the_recipient(self, cast):
        person = PersonFactory()
        assign(cast.caseworker, person)
        grant(cast.caseworker, Segment.SUBSTANCE_USE)
        detox, other = OrganisationFactory(), OrganisationFactory()
        Consent.objects.create(
            person=person,
            information="Assessment",
            purpose="referral",
            segment=Segment.SUBSTANCE_USE,
            recipient_organisation=detox,
            **signed_consent_elements(),
        )
        kwargs = {"person": person, "segment": Segment.SUBSTANCE_USE, "purpose": "referral"}

        assert policy.may_disclose(cast.caseworker, recipient=detox, **kwargs)
        assert not policy.may_disclose(cast.caseworker, recipient=other, **kwargs)
        assert not policy.may_disclose(cast.teammate, recipient=detox, **kwargs)

    def test_expired_consent_does_not_count(self, cast):
        person = PersonFactory()
        assign(cast.caseworker, person)
        today = timezone.localdate()
        Consent.objects.create(
            person=person,
            information="All",
            purpose="benefits",
            given_on=today - timedelta(days=30),
            expires_on=today - timedelta(days=1),
        )
        assert not policy.may_disclose(
            cast.caseworker, person=person, segment="", purpose="benefits", recipient=None
        )


def test_inactive_user_has_no_capabilities(db):
    user = UserFactory(role=Role.SUPERVISOR, is_active=False)
    assert policy.capabilities_of(user) == frozenset()
