"""Intake: registering a person, with likely duplicates shown before anything is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Assignment
from tapestry.people.models import Person
from tapestry.testing import PersonFactory, assign, client_for

pytestmark = pytest.mark.django_db

BIRTH = dt.date(1988, 4, 12)
URL = reverse("people:person_create")


def intake(**changes: object) -> dict[str, object]:
    data = {
        "given_name": "Jon",
        "family_name": "Smyth",
        "date_of_birth": BIRTH.isoformat(),
        "languages": "English",
        "phone": "",
        "email": "",
        "aliases": "",
    }
    data.update(changes)
    return data


def test_the_intake_form_has_the_person_fields_and_contacts(cast):
    response = client_for(cast.caseworker).get(URL)

    assert response.status_code == 200
    for name in ("given_name", "family_name", "date_of_birth", "phone", "email", "aliases"):
        assert f'name="{name}"' in response.content.decode()


def test_a_new_person_is_registered_with_contacts_and_other_names_on_my_caseload(cast):
    response = client_for(cast.caseworker).post(
        URL,
        intake(
            given_name="Amara",
            family_name="Okafor",
            phone="555 010 2030",
            email="amara@example.org",
            aliases="Amara J\n",
        ),
    )

    person = Person.objects.get(given_name="Amara", family_name="Okafor")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert sorted(person.contacts.values_list("value", flat=True)) == ["555 010 2030", "amara@example.org"]
    assert list(person.aliases.values_list("name", flat=True)) == ["Amara J"]
    assert Assignment.objects.filter(
        staff=cast.caseworker, person=person, kind=Assignment.Kind.PRIMARY
    ).exists()


def test_a_likely_duplicate_is_shown_before_saving_with_why_it_matched(cast):
    known = PersonFactory(given_name="John", family_name="Smith", date_of_birth=BIRTH)
    assign(cast.caseworker, known)

    response = client_for(cast.caseworker).post(URL, intake())

    page = response.content.decode()
    assert response.status_code == 200
    assert not Person.objects.filter(given_name="Jon").exists()
    assert "Is this someone we already know?" in page
    assert "John Smith" in page
    assert "1988-04-12" in page
    assert "same date of birth" in page
    assert reverse("people:person_detail", args=[known.pk]) in page
    # The worker's input is kept for the second try.
    assert 'value="Smyth"' in page


def test_duplicates_outside_my_caseload_are_counted_not_named(cast):
    theirs = PersonFactory(given_name="John", family_name="Smith", date_of_birth=BIRTH)
    assign(cast.outsider, theirs)

    page = client_for(cast.caseworker).post(URL, intake()).content.decode()

    assert "1 possible match outside your caseload — ask your supervisor" in page
    assert "John Smith" not in page
    assert reverse("people:person_detail", args=[theirs.pk]) not in page
    assert not Person.objects.filter(given_name="Jon").exists()


def test_confirming_none_is_the_same_person_registers_anyway(cast):
    known = PersonFactory(given_name="John", family_name="Smith", date_of_birth=BIRTH)
    assign(cast.caseworker, known)
    client = client_for(cast.caseworker)

    first = client.post(URL, intake())
    assert "None of these is the same person — register anyway" in first.content.decode()
    response = client.post(URL, intake(confirm_not_duplicate="yes"))

    registered = Person.objects.get(given_name="Jon", family_name="Smyth")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[registered.pk])


def test_a_birth_date_in_the_future_is_refused_next_to_the_field(cast):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = client_for(cast.caseworker).post(URL, intake(date_of_birth=tomorrow.isoformat()))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date_of_birth_error"' in page
    assert "The date of birth cannot be in the future." in page
    assert not Person.objects.exists()


def test_a_missing_family_name_and_a_bad_email_are_shown_by_their_fields(cast):
    page = (
        client_for(cast.caseworker).post(URL, intake(family_name="", email="not-an-email")).content.decode()
    )

    assert 'id="id_family_name_error"' in page
    assert 'id="id_email_error"' in page
    assert not Person.objects.exists()


def test_a_role_without_client_work_cannot_open_intake(cast):
    assert client_for(cast["evaluator"]).get(URL).status_code == 403
