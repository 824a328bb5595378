"""Merging duplicate persons keeps every linked record and is audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.models import AuditEntry, Consent
from tapestry.people.models import HouseholdMember, Person, Relationship
from tapestry.people.services import person_merge
from tapestry.testing import HouseholdFactory, PersonFactory, PhoneFactory, add_member, assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(cast):
    survivor = PersonFactory(given_name="John", family_name="Smith")
    duplicate = PersonFactory(given_name="Jon", family_name="Smyth")
    assign(cast.caseworker, survivor)
    assign(cast.teammate, duplicate)
    return survivor, duplicate


def test_merge_moves_contacts_consents_relationships_and_assignments(cast, pair):
    survivor, duplicate = pair
    PhoneFactory(person=duplicate)
    Consent.objects.create(person=duplicate, information="Name", purpose="referral")
    sister = PersonFactory()
    Relationship.objects.create(from_person=sister, to_person=duplicate, kind=Relationship.Kind.SIBLING)

    person_merge(actor=cast.supervisor, survivor=survivor, duplicate=duplicate)

    assert survivor.contacts.count() == 1
    assert survivor.consents.count() == 1
    assert Relationship.objects.get(from_person=sister).to_person == survivor
    assert {a.staff for a in survivor.assignments.all()} == {cast.caseworker, cast.teammate}
    assert list(survivor.aliases.values_list("name", flat=True)) == ["Jon Smyth"]


def test_the_duplicate_points_at_the_survivor_and_leaves_the_active_list(cast, pair):
    survivor, duplicate = pair
    person_merge(actor=cast.supervisor, survivor=survivor, duplicate=duplicate)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert duplicate not in Person.objects.active()


def test_a_relationship_between_the_two_records_is_dropped_not_turned_onto_itself(cast, pair):
    survivor, duplicate = pair
    Relationship.objects.create(from_person=survivor, to_person=duplicate, kind=Relationship.Kind.OTHER)

    person_merge(actor=cast.supervisor, survivor=survivor, duplicate=duplicate)

    assert not Relationship.objects.exists()


def test_shared_household_membership_is_kept_once(cast, pair):
    survivor, duplicate = pair
    home = HouseholdFactory()
    add_member(home, survivor)
    add_member(home, duplicate, HouseholdMember.Position.OTHER_ADULT)

    person_merge(actor=cast.supervisor, survivor=survivor, duplicate=duplicate)

    assert list(home.memberships.values_list("person_id", flat=True)) == [survivor.pk]


def test_merge_is_audited_on_both_records(cast, pair):
    survivor, duplicate = pair
    person_merge(actor=cast.supervisor, survivor=survivor, duplicate=duplicate)

    merged = AuditEntry.objects.filter(action="merge")
    assert set(merged.values_list("person_id", flat=True)) == {survivor.pk, duplicate.pk}
    assert f"merged person:{duplicate.pk}" in merged.get(person_id=survivor.pk).fields


def test_only_supervisors_may_merge(cast, pair):
    survivor, duplicate = pair
    with pytest.raises(PermissionDenied):
        person_merge(actor=cast.caseworker, survivor=survivor, duplicate=duplicate)


def test_a_supervisor_cannot_merge_records_outside_their_reach(cast, pair):
    survivor, _ = pair
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    with pytest.raises(PermissionDenied):
        person_merge(actor=cast.supervisor, survivor=survivor, duplicate=stranger)


def test_a_record_cannot_be_merged_into_itself(cast, pair):
    survivor, _ = pair
    with pytest.raises(ValidationError):
        person_merge(actor=cast.supervisor, survivor=survivor, duplicate=survivor)
