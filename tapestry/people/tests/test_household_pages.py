"""Household pages: families as a unit, seen through the members a worker may open."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.people.models import Household, HouseholdMember
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, assign, client_for

pytestmark = pytest.mark.django_db


def test_the_list_shows_households_with_a_member_i_can_open(cast):
    mine = HouseholdFactory(name="Rivera household")
    theirs = HouseholdFactory(name="Stone household")
    person, stranger = PersonFactory(given_name="Rosa"), PersonFactory()
    assign(cast.caseworker, person)
    assign(cast.outsider, stranger)
    add_member(mine, person)
    add_member(theirs, stranger)

    page = client_for(cast.caseworker).get(reverse("people:household_list")).content.decode()

    assert "Rivera household" in page
    assert "Stone household" not in page


def test_a_household_is_created_with_its_first_member_preselected_from_the_record(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    client = client_for(cast.caseworker)

    form = client.get(reverse("people:household_create"), {"person": person.pk}).content.decode()
    response = client.post(
        reverse("people:household_create"),
        {"name": "Okafor household", "person": person.pk, "position": "head"},
    )

    household = Household.objects.get(name="Okafor household")
    assert f'<option value="{person.pk}" selected>' in form
    assert response["Location"] == reverse("people:household_detail", args=[household.pk])
    assert household.memberships.get().person == person


def test_the_household_page_links_only_members_i_can_open_and_is_audited(cast):
    household = HouseholdFactory(name="Rivera household")
    rosa = PersonFactory(given_name="Rosa", family_name="Rivera")
    lodger = PersonFactory(given_name="Max", family_name="Stone")
    assign(cast.caseworker, rosa)
    add_member(household, rosa, HouseholdMember.Position.HEAD)
    add_member(household, lodger, HouseholdMember.Position.OTHER_ADULT)

    response = client_for(cast.caseworker).get(reverse("people:household_detail", args=[household.pk]))

    page = response.content.decode()
    assert "<h1>Rivera household</h1>" in page
    assert reverse("people:person_detail", args=[rosa.pk]) in page
    assert "A household member" in page and reverse("people:person_detail", args=[lodger.pk]) not in page
    assert "Max" not in page and "Stone" not in page
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.VIEW, object_type="people.household"
    ).exists()


def test_a_household_with_no_member_i_can_open_is_refused(cast):
    household = HouseholdFactory()
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    add_member(household, stranger)

    assert (
        client_for(cast.caseworker).get(reverse("people:household_detail", args=[household.pk])).status_code
        == 403
    )


def test_a_member_is_added_and_adding_them_twice_is_explained(cast):
    household = HouseholdFactory(name="Rivera household")
    rosa, leo = PersonFactory(), PersonFactory()
    assign(cast.caseworker, rosa)
    assign(cast.caseworker, leo)
    add_member(household, rosa)
    url = reverse("people:household_member_add", args=[household.pk])
    client = client_for(cast.caseworker)

    added = client.post(url, {"person": leo.pk, "position": "child"})
    again = client.post(url, {"person": leo.pk, "position": "child"})

    assert added.status_code == 302
    assert household.memberships.filter(person=leo, position="child").exists()
    assert 'id="id_person_error"' in again.content.decode()
    assert "is already a member of Rivera household" in again.content.decode()


def test_a_household_needs_a_name(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)

    response = client_for(cast.caseworker).post(
        reverse("people:household_create"), {"name": "", "person": person.pk, "position": "head"}
    )

    assert 'id="id_name_error"' in response.content.decode()
    assert not Household.objects.exists()
