"""The person pages: finding people, opening a record, editing it and adding to it."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, BreakGlass
from tapestry.people.models import Address, ContactPoint, Person, Relationship
from tapestry.testing import PersonFactory, PhoneFactory, assign, client_for

pytestmark = pytest.mark.django_db


def detail_url(person: Person) -> str:
    return reverse("people:person_detail", args=[person.pk])


def edit_data(person: Person, **changes: object) -> dict[str, object]:
    data = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else "",
        "gender_identity": person.gender_identity,
        "pronouns": person.pronouns,
        "languages": person.languages,
        "notes": person.notes,
        "version": person.version,
    }
    data.update(changes)
    return data


# Finding people.


def test_the_list_shows_my_and_my_teams_people_but_not_outsiders(cast):
    mine = PersonFactory(given_name="Amara", family_name="Okafor")
    teams = PersonFactory(given_name="Bilal", family_name="Haddad")
    theirs = PersonFactory(given_name="Chen", family_name="Wei")
    assign(cast.caseworker, mine)
    assign(cast.teammate, teams)
    assign(cast.outsider, theirs)

    page = client_for(cast.caseworker).get(reverse("people:person_list")).content.decode()

    assert "Amara Okafor" in page
    assert "Bilal Haddad" in page
    assert "Chen Wei" not in page


def test_search_finds_by_other_name_and_by_phone_and_is_audited(cast):
    amara = PersonFactory(given_name="Amara", family_name="Okafor")
    bilal = PersonFactory(given_name="Bilal", family_name="Haddad")
    assign(cast.caseworker, amara)
    assign(cast.caseworker, bilal)
    amara.aliases.create(name="Amara Johnson")
    PhoneFactory(person=bilal, value="(555) 777-1234")
    client = client_for(cast.caseworker)

    by_alias = client.get(reverse("people:person_list"), {"q": "johnson"}).content.decode()
    by_phone = client.get(reverse("people:person_list"), {"q": "7771234"}).content.decode()

    assert "Amara Okafor" in by_alias and "Bilal Haddad" not in by_alias
    assert "Bilal Haddad" in by_phone and "Amara Okafor" not in by_phone
    assert AuditEntry.objects.filter(actor=cast.caseworker, action=AuditEntry.Action.SEARCH).count() == 2


def test_live_search_returns_only_the_results_to_htmx(cast):
    assign(cast.caseworker, PersonFactory(given_name="Amara", family_name="Okafor"))
    client = client_for(cast.caseworker)

    live = client.get(reverse("people:person_list"), {"q": "amara"}, headers={"HX-Request": "true"})
    partial = client.get(reverse("people:person_search"), {"q": "amara"})

    for response in (live, partial):
        page = response.content.decode()
        assert "Amara Okafor" in page
        assert "<html" not in page
    assert "HX-Request" in live["Vary"]


def test_the_list_is_paginated_25_to_a_page(cast):
    for n in range(30):
        assign(cast.caseworker, PersonFactory(given_name=f"Client{n:02d}", family_name="Example"))
    client = client_for(cast.caseworker)

    first = client.get(reverse("people:person_list")).content.decode()
    second = client.get(reverse("people:person_list"), {"page": 2}).content.decode()

    assert first.count("Example</a>") == 25
    assert "Page 1 of 2" in first
    assert second.count("Example</a>") == 5


# Opening a record.


def test_the_record_shows_identity_names_contacts_addresses_and_workers(cast):
    person = PersonFactory(
        given_name="Amara", family_name="Okafor", pronouns="she/her", date_of_birth=dt.date(1990, 5, 1)
    )
    assign(cast.caseworker, person)
    person.aliases.create(name="Amara Johnson")
    ContactPoint.objects.create(
        person=person, kind=ContactPoint.Kind.PHONE, value="555 0101", safe_to_contact=False
    )
    Address.objects.create(person=person, line1="12 Shelter Lane", city="Springfield", confidential=True)

    response = client_for(cast.caseworker).get(detail_url(person))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Amara Okafor" in page
    assert "1990-05-01" in page
    assert "Amara Johnson" in page
    assert "555 0101" in page and "contact could put them at risk" in page
    assert "12 Shelter Lane" in page and "Confidential: never share" in page
    assert cast.caseworker.get_full_name() in page
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.VIEW, person_id=person.pk
    ).exists()


def test_relationships_read_from_both_sides_and_link_only_people_i_may_open(cast):
    parent = PersonFactory(given_name="Rosa", family_name="Rivera")
    child = PersonFactory(given_name="Leo", family_name="Rivera")
    stranger = PersonFactory(given_name="Max", family_name="Stone")
    assign(cast.caseworker, parent)
    assign(cast.caseworker, child)
    assign(cast.outsider, stranger)
    Relationship.objects.create(from_person=parent, to_person=child, kind=Relationship.Kind.PARENT)
    Relationship.objects.create(from_person=stranger, to_person=child, kind=Relationship.Kind.FORMER_PARTNER)
    client = client_for(cast.caseworker)

    parent_page = client.get(detail_url(parent)).content.decode()
    child_page = client.get(detail_url(child)).content.decode()

    assert "<td>Parent</td>" in parent_page and detail_url(child) in parent_page
    assert "<td>Child</td>" in child_page and detail_url(parent) in child_page
    assert 'A former partner <span class="muted">(outside your caseload)</span>' in child_page
    assert "Max" not in child_page and "Stone" not in child_page
    assert detail_url(stranger) not in child_page


def test_an_outsider_is_refused_and_offered_emergency_access(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)

    response = client_for(cast.outsider).get(detail_url(person))

    assert response.status_code == 403
    assert reverse("access:break_glass", args=[person.pk]) in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, person_id=person.pk).exists()


def test_an_emergency_open_shows_the_banner_and_no_edit_links(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    BreakGlass.objects.create(
        user=cast.outsider,
        person=person,
        reason="Client at risk tonight",
        expires_at=timezone.now() + timedelta(hours=1),
    )

    response = client_for(cast.outsider).get(detail_url(person))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Emergency access." in page and "Client at risk tonight" in page
    assert reverse("people:person_edit", args=[person.pk]) not in page
    assert client_for(cast.outsider).get(reverse("people:person_edit", args=[person.pk])).status_code == 403


def test_an_unknown_person_is_not_found(cast):
    assert client_for(cast.caseworker).get(reverse("people:person_detail", args=[999999])).status_code == 404


# Editing.


def test_an_edit_is_saved_and_reported(cast):
    person = PersonFactory(given_name="Amara", family_name="Okafor")
    assign(cast.caseworker, person)
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("people:person_edit", args=[person.pk]), edit_data(person, pronouns="she/her"), follow=True
    )

    person.refresh_from_db()
    assert person.pronouns == "she/her"
    assert person.version == 2
    assert response.redirect_chain[-1][0] == detail_url(person)
    assert "Changes to Amara Okafor&#x27;s record are saved." in response.content.decode()


def test_the_second_of_two_edits_from_the_same_version_gets_a_conflict_and_keeps_its_input(cast):
    person = PersonFactory(given_name="Amara", family_name="Okafor", pronouns="")
    assign(cast.caseworker, person)
    assign(cast.teammate, person)
    url = reverse("people:person_edit", args=[person.pk])
    loaded = edit_data(person)

    client_for(cast.caseworker).post(url, {**loaded, "pronouns": "she/her"})
    response = client_for(cast.teammate).post(url, {**loaded, "pronouns": "they/them"})

    page = response.content.decode()
    person.refresh_from_db()
    assert response.status_code == 409
    assert "Someone else changed this record after you opened it." in page
    assert 'value="they/them"' in page
    assert person.pronouns == "she/her"


def test_a_future_birth_date_is_shown_next_to_the_field_on_edit(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client_for(cast.caseworker).post(
        reverse("people:person_edit", args=[person.pk]), edit_data(person, date_of_birth=tomorrow.isoformat())
    )

    page = response.content.decode()
    assert 'id="id_date_of_birth_error"' in page
    assert "The date of birth cannot be in the future." in page
    person.refresh_from_db()
    assert person.date_of_birth != tomorrow


# Adding to the record.


def test_another_name_a_contact_and_an_address_are_added(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    client = client_for(cast.caseworker)

    client.post(reverse("people:alias_add", args=[person.pk]), {"name": "Amy"})
    client.post(
        reverse("people:contact_add", args=[person.pk]),
        {"kind": "email", "value": "amy@example.org", "safe_to_contact": "on"},
    )
    client.post(
        reverse("people:address_add", args=[person.pk]),
        {"line1": "1 Main St", "city": "Springfield", "is_current": "on", "confidential": "on"},
    )

    assert list(person.aliases.values_list("name", flat=True)) == ["Amy"]
    assert person.contacts.get().value == "amy@example.org"
    assert person.addresses.get().confidential


def test_a_contact_that_is_not_an_email_is_refused_next_to_the_value(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)

    response = client_for(cast.caseworker).post(
        reverse("people:contact_add", args=[person.pk]), {"kind": "email", "value": "not an email"}
    )

    assert 'id="id_value_error"' in response.content.decode()
    assert not person.contacts.exists()


def test_a_relationship_is_chosen_from_people_i_can_open(cast):
    person, sister, stranger = PersonFactory(), PersonFactory(), PersonFactory()
    assign(cast.caseworker, person)
    assign(cast.teammate, sister)
    assign(cast.outsider, stranger)
    url = reverse("people:relationship_add", args=[person.pk])
    client = client_for(cast.caseworker)

    form = client.get(url).content.decode()
    refused = client.post(url, {"kind": "sibling", "to_person": stranger.pk})
    client.post(url, {"kind": "sibling", "to_person": sister.pk})

    assert f'value="{sister.pk}"' in form and f'value="{stranger.pk}"' not in form
    assert 'id="id_to_person_error"' in refused.content.decode()
    assert Relationship.objects.get().to_person == sister


def test_a_duplicate_relationship_is_refused_with_a_clear_message(cast):
    person, sister = PersonFactory(), PersonFactory()
    assign(cast.caseworker, person)
    assign(cast.caseworker, sister)
    Relationship.objects.create(from_person=person, to_person=sister, kind=Relationship.Kind.SIBLING)

    response = client_for(cast.caseworker).post(
        reverse("people:relationship_add", args=[person.pk]), {"kind": "sibling", "to_person": sister.pk}
    )

    assert "This relationship is already recorded." in response.content.decode()
    assert Relationship.objects.count() == 1


def test_a_teammate_in_read_only_emergency_access_cannot_add_to_the_record(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)
    BreakGlass.objects.create(
        user=cast.outsider, person=person, reason="x", expires_at=timezone.now() + timedelta(hours=1)
    )

    response = client_for(cast.outsider).post(reverse("people:alias_add", args=[person.pk]), {"name": "Amy"})

    assert response.status_code == 403
    assert not person.aliases.exists()
