"""Merging a duplicate record: a supervisor picks the survivor, compares, confirms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.people.models import ContactPoint, Person, Relationship
from tapestry.testing import PersonFactory, assign, client_for

pytestmark = pytest.mark.django_db

BIRTH = dt.date(1975, 9, 30)


@pytest.fixture
def pair(cast):
    """A record and its duplicate, both on the caseworker's caseload (the supervisor's supervisee)."""
    survivor = PersonFactory(given_name="Rosa", family_name="Rivera", date_of_birth=BIRTH)
    duplicate = PersonFactory(given_name="Rosa", family_name="Riviera", date_of_birth=BIRTH)
    assign(cast.caseworker, survivor)
    assign(cast.caseworker, duplicate)
    return survivor, duplicate


def merge_url(person: Person) -> str:
    return reverse("people:person_merge", args=[person.pk])


def test_the_merge_page_suggests_the_likely_survivor(cast, pair):
    survivor, duplicate = pair

    page = client_for(cast.supervisor).get(merge_url(duplicate)).content.decode()

    assert "Likely the same person" in page
    assert f"{merge_url(duplicate)}?survivor={survivor.pk}" in page


def test_choosing_a_survivor_shows_both_records_side_by_side_before_anything_changes(cast, pair):
    survivor, duplicate = pair
    ContactPoint.objects.create(person=duplicate, kind=ContactPoint.Kind.PHONE, value="555 0142")

    response = client_for(cast.supervisor).get(merge_url(duplicate), {"survivor": survivor.pk})

    page = response.content.decode()
    assert "Compare the two records" in page
    assert "Rosa Riviera" in page and "Rosa Rivera" in page
    assert "555 0142" in page
    assert "Merge Rosa Riviera into Rosa Rivera" in page
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_confirming_moves_names_contacts_and_relationships_and_the_old_page_points_to_the_survivor(
    cast, pair
):
    survivor, duplicate = pair
    child = PersonFactory(given_name="Leo", family_name="Rivera")
    assign(cast.caseworker, child)
    duplicate.aliases.create(name="Rosie R")
    ContactPoint.objects.create(person=duplicate, kind=ContactPoint.Kind.PHONE, value="555 0142")
    Relationship.objects.create(from_person=duplicate, to_person=child, kind=Relationship.Kind.PARENT)
    client = client_for(cast.supervisor)

    response = client.post(merge_url(duplicate), {"survivor": survivor.pk}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("people:person_detail", args=[survivor.pk])
    assert set(survivor.aliases.values_list("name", flat=True)) == {"Rosie R", "Rosa Riviera"}
    assert survivor.contacts.get().value == "555 0142"
    assert Relationship.objects.get().from_person == survivor
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MERGE, person_id=survivor.pk).exists()

    old_page = client.get(reverse("people:person_detail", args=[duplicate.pk])).content.decode()
    assert "This record was merged into" in old_page
    assert reverse("people:person_detail", args=[survivor.pk]) in old_page


def test_a_caseworker_may_not_merge(cast, pair):
    survivor, duplicate = pair

    response = client_for(cast.caseworker).post(merge_url(duplicate), {"survivor": survivor.pk})

    assert response.status_code == 403
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_the_survivor_must_be_a_record_the_supervisor_can_change(cast, pair):
    _, duplicate = pair
    elsewhere = PersonFactory()
    assign(cast.outsider, elsewhere)

    response = client_for(cast.supervisor).post(merge_url(duplicate), {"survivor": elsewhere.pk})

    assert 'id="id_survivor_error"' in response.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
