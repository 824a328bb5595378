"""known_for_case: what the record knows about a case's client, in the scrubber's KNOWN shape."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.evidence.scrub import Known
from tapestry.micro.school.models import Student
from tapestry.people.models import ContactPoint, HouseholdMember, Organisation, Relationship
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, open_case
from tapestry.thread.stories.scrubbing import also_known_for_case, known_for_case, scrub_for_case


@pytest.fixture
def client_case(cast):
    client = PersonFactory(
        given_name="Rosalind",
        family_name="Achterberg",
        preferred_name="Roz",
        date_of_birth=dt.date(1988, 4, 12),
    )
    client.aliases.create(name="Rosie Hart")
    client.contacts.create(kind=ContactPoint.Kind.PHONE, value="(617) 555-0142")
    client.contacts.create(kind=ContactPoint.Kind.EMAIL, value="roz.a@example.net")
    client.addresses.create(line1="22 Alder Court", city="Lowell", region="MA", postcode="01852")
    mother = PersonFactory(given_name="Henrike", family_name="Achterberg", date_of_birth=dt.date(1960, 1, 2))
    Relationship.objects.create(from_person=mother, to_person=client, kind=Relationship.Kind.PARENT)
    son = PersonFactory(given_name="Bastian", family_name="Achterberg", preferred_name="Basti")
    household = HouseholdFactory()
    add_member(household, client)
    add_member(household, son, HouseholdMember.Position.CHILD)
    case = open_case(cast.caseworker, client)
    school = Organisation.objects.create(name="Riverside Middle School", kind=Organisation.Kind.SCHOOL)
    Student.objects.create(case=case, person=client, school=school, grade="7")
    return case


@pytest.mark.django_db
def test_the_known_shape_holds_what_the_record_knows(client_case):
    known = known_for_case(client_case)
    person = known["person"]
    assert (person["given"], person["family"], person["birth_date"]) == (
        "Rosalind",
        "Achterberg",
        "1988-04-12",
    )
    assert sorted(person["aliases"]) == ["Rosie Hart", "Roz"]
    assert person["phones"] == ["(617) 555-0142"] and person["emails"] == ["roz.a@example.net"]
    assert person["address"] == {
        "line1": "22 Alder Court",
        "city": "Lowell",
        "state": "MA",
        "postcode": "01852",
    }
    household = sorted(known["household"], key=lambda member: member["given"])
    assert household == [
        {
            "given": "Basti",
            "family": "Achterberg",
            "relationship": "child",
            "birth_date": household[0]["birth_date"],
        },
        {"given": "Henrike", "family": "Achterberg", "relationship": "parent", "birth_date": "1960-01-02"},
    ]
    assert known["case_number"] == client_case.number
    assert known["school"] == "Riverside Middle School"
    assert known["employer"] == ""
    # The scrubber reads it as it is.
    assert Known.from_dict(known).items
    # The child's given name behind his preferred one comes as a further KNOWN.
    assert {"household": [{"given": "Bastian", "relationship": "child"}]} in also_known_for_case(client_case)


@pytest.mark.django_db
def test_the_scrubbed_story_keeps_none_of_them(client_case):
    text = (
        "Roz (Rosie Hart to her friends) rang from (617) 555-0142. Her mother Henrike took Basti "
        "to Riverside Middle School while she stayed at 22 Alder Court."
    )
    result = scrub_for_case(text, client_case)
    for identifier in ("Roz", "Rosie Hart", "555-0142", "Henrike", "Basti", "Riverside", "Alder"):
        assert identifier not in result.text, identifier
    assert "Her mother" in result.text
