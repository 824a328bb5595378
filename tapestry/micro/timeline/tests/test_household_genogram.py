"""A household's genogram: members in generation rows, partner, sibling and no-contact lines, and tables."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.timeline import diagrams
from tapestry.people.models import HouseholdMember, Relationship
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, assign, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(cast):
    """Grandmother Ana; her daughter Rosa and Rosa's partner Sam; their children Mateo and Lucia."""
    household = HouseholdFactory(name="Rivera household")
    people = {
        name: PersonFactory(given_name=name, family_name="Rivera")
        for name in ("Ana", "Rosa", "Sam", "Mateo", "Lucia")
    }
    for person in people.values():
        assign(cast.caseworker, person)
    add_member(household, people["Rosa"], "head")
    add_member(household, people["Sam"], "partner")
    add_member(household, people["Ana"], "other_adult")
    add_member(household, people["Mateo"], "child")
    add_member(household, people["Lucia"], "child")
    link = Relationship.objects.create
    link(from_person=people["Ana"], to_person=people["Rosa"], kind="parent")
    link(from_person=people["Rosa"], to_person=people["Sam"], kind="partner")
    link(from_person=people["Sam"], to_person=people["Rosa"], kind="partner")  # recorded from both ends
    for child in ("Mateo", "Lucia"):
        link(from_person=people["Rosa"], to_person=people[child], kind="parent")
        link(from_person=people[child], to_person=people["Sam"], kind="child")
        link(from_person=people["Ana"], to_person=people[child], kind="grandparent")
    link(from_person=people["Mateo"], to_person=people["Lucia"], kind="sibling")
    return household, people


def genogram_page(user, household) -> str:
    response = client_for(user).get(reverse("timeline:household_genogram", args=[household.pk]))
    assert response.status_code == 200
    return response.content.decode()


def box_tops(page: str) -> dict[str, int]:
    """Each member's box in the picture: name -> the y of its top edge."""
    svg = page.split('id="genogram-title"', 1)[1].split("</svg>", 1)[0]
    tops = {}
    for group in re.findall(r'<g class="node">(.*?)</g>', svg, re.S):
        top = int(re.search(r'<rect x="\d+" y="(\d+)"', group).group(1))
        name = re.search(r'font-weight="600">([^<]+)</text>', group).group(1)
        tops[name] = top
    return tops


def test_generations_are_rows_with_parents_above_children(cast, family):
    household, _ = family

    page = genogram_page(cast.caseworker, household)

    tops = box_tops(page)
    assert (
        tops["Ana Rivera"]
        < tops["Rosa Rivera"]
        == tops["Sam Rivera"]
        < tops["Mateo Rivera"]
        == tops["Lucia Rivera"]
    )
    assert "<h1>Genogram of Rivera household</h1>" in page
    rows = dict(re.findall(r">(\w+ Rivera)</a></td>\s*<td>(\d)</td>", page))
    assert rows == {
        "Ana Rivera": "1",
        "Rosa Rivera": "2",
        "Sam Rivera": "2",
        "Mateo Rivera": "3",
        "Lucia Rivera": "3",
    }


def test_relationships_are_listed_once_each_and_drawn(cast, family):
    household, _ = family

    page = genogram_page(cast.caseworker, household)

    ties = re.findall(r"<td>(\w+ Rivera)</td>\s*<td>([^<]+)</td>\s*<td>(\w+ Rivera)</td>", page)
    assert ties.count(("Rosa Rivera", "Partner", "Sam Rivera")) == 1
    assert ("Sam Rivera", "Parent", "Mateo Rivera") in ties  # "Mateo is child of Sam", read from the parent
    assert ("Mateo Rivera", "Sibling", "Lucia Rivera") in ties
    assert len(ties) == 9
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'stroke-width="3"/>' in svg  # the partner line
    assert 'stroke-dasharray="2 3"' in svg  # the sibling line
    assert "style=" not in page


def test_a_no_contact_relationship_is_drawn_dashed_red_and_marked_in_the_table(cast, family):
    household, people = family
    Relationship.objects.filter(from_person=people["Rosa"], to_person=people["Sam"]).update(no_contact=True)

    page = genogram_page(cast.caseworker, household)

    assert re.search(r'<path d="[^"]+" stroke="#a40e26" stroke-width="3" stroke-dasharray="8 6"/>', page)
    assert '<span class="tag sensitive">No contact</span>' in page


def test_members_outside_the_caseload_are_shown_as_household_members_only(cast):
    household = HouseholdFactory(name="Stone household")
    rosa = PersonFactory(
        given_name="Rosa", family_name="Stone", gender_identity="Woman", date_of_birth=dt.date(1961, 2, 3)
    )
    # A birth year that appears nowhere else on the page (not even in the SVG namespace URL).
    lodger = PersonFactory(
        given_name="Max", family_name="Stone", gender_identity="Man", date_of_birth=dt.date(1937, 11, 19)
    )
    assign(cast.caseworker, rosa)
    add_member(household, rosa, "head")
    add_member(household, lodger, "other_adult")

    page = genogram_page(cast.caseworker, household)

    assert 'A household member <span class="muted">(outside your caseload)</span>' in page
    assert "Max Stone" not in page and ">Max" not in page
    assert reverse("people:person_detail", args=[lodger.pk]) not in page
    assert "1937" not in page
    assert "Man" not in re.sub(r"Woman", "", page.split("<main", 1)[1])


def test_the_genogram_needs_a_member_in_reach_and_is_audited(cast, family):
    household, _ = family

    refused = client_for(cast.outsider).get(reverse("timeline:household_genogram", args=[household.pk]))
    genogram_page(cast.caseworker, household)

    assert refused.status_code == 403
    assert AuditEntry.objects.filter(actor=cast.caseworker, purpose="genogram").exists()
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, object_type="people.household", object_id=str(household.pk)
    ).exists()


def test_the_household_page_links_to_the_genogram(cast, family):
    household, _ = family

    page = (
        client_for(cast.caseworker)
        .get(reverse("people:household_detail", args=[household.pk]))
        .content.decode()
    )

    assert reverse("timeline:household_genogram", args=[household.pk]) in page


def test_members_with_no_ties_on_record_sit_by_household_position(cast):
    household = HouseholdFactory()
    adult, child = PersonFactory(), PersonFactory()
    assign(cast.caseworker, adult)
    add_member(household, adult, HouseholdMember.Position.HEAD)
    add_member(household, child, HouseholdMember.Position.OTHER_CHILD)
    members = list(household.memberships.select_related("person"))

    assert diagrams.generations(members, []) == {adult.pk: 0, child.pk: 1}


def test_a_three_generation_family_without_a_middle_tie_still_stacks(cast):
    """A grandparent caring for grandchildren: two generations apart, the head parent in between."""
    household = HouseholdFactory()
    grandmother, mother, child = PersonFactory(), PersonFactory(), PersonFactory()
    add_member(household, mother, "head")
    add_member(household, grandmother, "other_adult")
    add_member(household, child, "child")
    Relationship.objects.create(from_person=mother, to_person=child, kind="parent")
    Relationship.objects.create(from_person=grandmother, to_person=child, kind="grandparent")
    Relationship.objects.create(from_person=grandmother, to_person=child, kind="caregiver")
    members = list(household.memberships.select_related("person"))
    ties = diagrams.household_ties(Relationship.objects.all())

    rows = diagrams.generations(members, ties)

    assert rows == {grandmother.pk: 0, mother.pk: 1, child.pk: 2}
