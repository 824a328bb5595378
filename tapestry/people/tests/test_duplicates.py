"""Duplicate detection at intake: names and aliases (fuzzy), date of birth and phone."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.access.models import AuditEntry
from tapestry.people.duplicates import find_duplicates, normalise_name
from tapestry.people.services import DuplicateSuspected, PersonIntake, person_create
from tapestry.testing import PersonFactory, PhoneFactory, assign

pytestmark = pytest.mark.django_db

BIRTH = dt.date(1988, 4, 12)


def ids(candidates):
    return [c.person_id for c in candidates]


def test_a_misspelt_name_with_the_same_birth_date_is_a_likely_duplicate():
    john = PersonFactory(given_name="John", family_name="Smith", date_of_birth=BIRTH)
    PersonFactory(given_name="Maria", family_name="Lopez", date_of_birth=BIRTH)

    found = find_duplicates(given_name="Jon", family_name="Smyth", date_of_birth=BIRTH)

    assert ids(found) == [john.pk]
    assert "same date of birth" in found[0].reasons


def test_swapped_given_and_family_names_still_match():
    person = PersonFactory(given_name="Nguyen", family_name="Thi Lan", date_of_birth=BIRTH)
    assert ids(find_duplicates(given_name="Thi Lan", family_name="Nguyen", date_of_birth=BIRTH)) == [
        person.pk
    ]


def test_accents_and_hyphens_do_not_hide_a_duplicate():
    person = PersonFactory(given_name="José", family_name="García-Pérez", date_of_birth=BIRTH)
    assert normalise_name("José García-Pérez") == "jose garcia perez"
    assert ids(find_duplicates(given_name="Jose", family_name="Garcia Perez", date_of_birth=BIRTH)) == [
        person.pk
    ]


def test_an_alias_is_matched_as_well_as_the_current_name():
    person = PersonFactory(given_name="Amara", family_name="Okafor", date_of_birth=BIRTH)
    person.aliases.create(name="Amara Johnson")
    assert ids(find_duplicates(given_name="Amara", family_name="Johnson", date_of_birth=BIRTH)) == [person.pk]


def test_a_similar_name_with_a_different_birth_date_is_not_flagged():
    PersonFactory(given_name="John", family_name="Smith", date_of_birth=dt.date(1950, 1, 1))
    assert find_duplicates(given_name="John", family_name="Smith", date_of_birth=BIRTH) == []


def test_day_and_month_swapped_in_the_birth_date_counts():
    person = PersonFactory(given_name="Ana", family_name="Silva", date_of_birth=dt.date(1990, 3, 7))
    found = find_duplicates(given_name="Ana", family_name="Silva", date_of_birth=dt.date(1990, 7, 3))
    assert ids(found) == [person.pk]
    assert "date of birth with day and month swapped" in found[0].reasons


def test_the_same_phone_number_with_a_roughly_similar_name_is_flagged():
    phone = PhoneFactory(value="(555) 201-3344", person__given_name="Kwame", person__family_name="Mensah")
    found = find_duplicates(given_name="Kwami", family_name="Mensa", phones=["555.201.3344"])
    assert ids(found) == [phone.person_id]
    assert "same phone number" in found[0].reasons


def test_merged_records_are_not_offered_as_duplicates():
    survivor = PersonFactory(given_name="Lee", family_name="Park", date_of_birth=BIRTH)
    PersonFactory(given_name="Lee", family_name="Park", date_of_birth=BIRTH, merged_into=survivor)
    assert ids(find_duplicates(given_name="Lee", family_name="Park", date_of_birth=BIRTH)) == [survivor.pk]


class TestIntake:
    def test_intake_stops_on_a_likely_duplicate_even_outside_the_caseload(self, cast):
        existing = PersonFactory(given_name="Fatima", family_name="Hassan", date_of_birth=BIRTH)
        assign(cast.outsider, existing)
        intake = PersonIntake(given_name="Fatma", family_name="Hassan", date_of_birth=BIRTH)

        with pytest.raises(DuplicateSuspected) as stopped:
            person_create(actor=cast.caseworker, intake=intake)

        assert ids(stopped.value.candidates) == [existing.pk]
        assert AuditEntry.objects.filter(action="search", purpose="duplicate check at intake").exists()

    def test_confirmed_intake_saves_and_assigns_the_intake_worker(self, cast):
        PersonFactory(given_name="Fatima", family_name="Hassan", date_of_birth=BIRTH)
        intake = PersonIntake(
            given_name="Fatma", family_name="Hassan", date_of_birth=BIRTH, phone="555 010 2222"
        )

        person = person_create(actor=cast.caseworker, intake=intake, confirm_not_duplicate=True)

        assert person.assignments.get().staff == cast.caseworker
        assert person.contacts.get().normalised == "5550102222"
        assert AuditEntry.objects.filter(
            action="create", object_type="people.person", object_id=str(person.pk)
        ).exists()


def test_the_database_blocks_the_candidates_and_finds_a_typo_in_the_first_letters_by_birth_date():
    """Blocking (tapestry/people/blocking.py): names sharing no first letters with the intake still
    come in when the birth date is close, and a crowd of unrelated names is never scored."""
    twin = PersonFactory(given_name="John", family_name="Smith", date_of_birth=BIRTH)
    swapped = PersonFactory(given_name="John", family_name="Smith", date_of_birth=dt.date(1988, 12, 4))
    PersonFactory.create_batch(
        40, given_name="Quentin", family_name="Zabala", date_of_birth=dt.date(1970, 1, 1)
    )

    found = find_duplicates(given_name="Jhon", family_name="Snith", date_of_birth=BIRTH)

    assert set(ids(found)) == {twin.pk, swapped.pk}
    assert "same date of birth" in found[0].reasons


def test_the_check_reads_a_bounded_number_of_rows():
    """A few statements with a LIMIT each, never a read of every person."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonFactory.create_batch(5, family_name="Smith", date_of_birth=BIRTH)
    with CaptureQueriesContext(connection) as queries:
        find_duplicates(given_name="John", family_name="Smith", date_of_birth=BIRTH, phones=["555 0101"])
    person_reads = [
        q["sql"] for q in queries if 'FROM "people_person"' in q["sql"] and "IN (" not in q["sql"]
    ]
    assert person_reads and all("LIMIT" in sql for sql in person_reads)
