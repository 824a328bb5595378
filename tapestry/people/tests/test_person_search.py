"""Search that forgives: misspelt names and other names, phone numbers and case numbers, only within reach."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.people.models import Person, PersonAlias
from tapestry.people.search import name_score
from tapestry.testing import PersonFactory, PhoneFactory, assign, client_for, open_case

pytestmark = pytest.mark.django_db


def mine(user, **names: str) -> Person:
    person = PersonFactory(**names)
    assign(user, person)
    return person


def found(user, query: str) -> list[dict]:
    _, raw = token_create(actor=user, name="tests")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/persons", {"q": query})
    assert response.status_code == 200
    return response.json()["items"]


def test_a_misspelt_name_finds_the_person_and_says_why(cast):
    john = mine(cast.caseworker, given_name="John", family_name="Smith")
    mine(cast.caseworker, given_name="Maria", family_name="Okafor")

    items = found(cast.caseworker, "Jon Smth")

    assert [item["id"] for item in items] == [john.pk]
    assert items[0]["match_reasons"][0].startswith("name ")
    assert "John Smith" in items[0]["match_reasons"][0]


def test_one_misspelt_word_and_accents_are_forgiven(cast):
    jose = mine(cast.caseworker, given_name="José", family_name="García-Pérez")

    assert jose.pk in [item["id"] for item in found(cast.caseworker, "garcia perez")]
    assert jose.pk in [item["id"] for item in found(cast.caseworker, "Garsia")]


def test_another_name_on_file_is_found_fuzzily(cast):
    person = mine(cast.caseworker, given_name="Amara", family_name="Okonkwo")
    PersonAlias.objects.create(person=person, name="Amy Brightwater")

    items = found(cast.caseworker, "Amy Brightwatter")

    assert [item["id"] for item in items] == [person.pk]
    assert "other name “Amy Brightwater”" in items[0]["match_reasons"][0]


def test_a_different_name_is_not_found(cast):
    mine(cast.caseworker, given_name="John", family_name="Smith")

    assert found(cast.caseworker, "Xavier Quennell") == []
    assert found(cast.caseworker, "Jane Stone") == []


def test_no_one_out_of_reach_is_found(cast):
    mine(cast.outsider, given_name="John", family_name="Smith")

    assert found(cast.caseworker, "Jon Smth") == []
    assert found(cast.caseworker, "John Smith") == []


def test_a_phone_number_finds_its_person(cast):
    person = mine(cast.caseworker, given_name="Lena", family_name="Marsh")
    PhoneFactory(person=person, value="(555) 201-7788")

    items = found(cast.caseworker, "2017788")

    assert [item["id"] for item in items] == [person.pk]
    assert items[0]["match_reasons"] == ["phone number"]


def test_an_exact_case_number_puts_that_case_first(cast):
    person = mine(cast.caseworker, given_name="Rosa", family_name="Delgado")
    case = open_case(cast.caseworker, person)
    number = case.number

    items = found(cast.caseworker, number)

    assert items[0]["id"] == person.pk
    assert items[0]["match_reasons"] == [f"case number {number}"]
    assert items[0]["matched_records"][0]["url"] == reverse("cases:case_detail", args=[case.pk])
    assert found(cast.caseworker, number.lower().replace("-", ""))[0]["id"] == person.pk
    assert found(cast.caseworker, f"C-{case.pk}")[0]["id"] == person.pk


def test_the_beginning_of_a_case_number_finds_the_case(cast):
    case = open_case(cast.caseworker)
    prefix = case.number[:-1]  # C-00001 for C-000012

    items = found(cast.caseworker, prefix)

    assert case.person_id in [item["id"] for item in items]
    hit = next(item for item in items if item["id"] == case.person_id)
    assert hit["match_reasons"] == [f"case number {case.number} begins with it"]


def test_a_case_number_out_of_reach_finds_nothing(cast):
    case = open_case(cast.outsider)

    assert found(cast.caseworker, case.number) == []


def test_the_page_shows_why_each_person_matched_and_links_the_case(cast):
    person = mine(cast.caseworker, given_name="John", family_name="Smith")
    case = open_case(cast.caseworker, person)
    client = client_for(cast.caseworker)

    by_name = client.get(reverse("people:person_list"), {"q": "Jon Smth"}).content.decode()
    by_number = client.get(reverse("people:person_list"), {"q": case.number}).content.decode()

    assert "Why it matched" in by_name
    assert "like “John Smith”" in by_name
    assert f"case number {case.number}" in by_number
    assert reverse("cases:case_detail", args=[case.pk]) in by_number


def test_a_name_changed_later_is_searched_by_its_new_spelling(cast):
    person = mine(cast.caseworker, given_name="Dana", family_name="Whitfield")
    person.family_name = "Okoro"
    person.save()

    assert [item["id"] for item in found(cast.caseworker, "Dana Okorro")] == [person.pk]
    assert found(cast.caseworker, "Dana Whitfield") == []


def test_the_measure_takes_the_start_of_a_word_as_a_match():
    assert name_score("jo smi", "john smith") == 100
    assert name_score("jon smth", "john smith") > 85
    assert name_score("xavier", "john smith") < 70
