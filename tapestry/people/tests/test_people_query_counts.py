"""The people pages run the same number of queries with 5 rows as with 50 (DESIGN rule 6).

The pinned numbers include the session, the user and the audit entry; if one moves, find out
why before changing it here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Consent
from tapestry.people.models import Address, ContactPoint, Relationship
from tapestry.testing import (
    HouseholdFactory,
    OrganisationFactory,
    PersonFactory,
    add_member,
    assign,
    client_for,
)

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def get_counted(client, url: str, expected: int, django_assert_num_queries, **params: str) -> str:
    client.get(url, params)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_person_list(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        assign(cast.caseworker, PersonFactory())

    page = get_counted(
        client_for(cast.caseworker), reverse("people:person_list"), 11, django_assert_num_queries
    )

    assert page.count("<tr>") == min(rows, 25) + 1  # the header row and one page of people


@pytest.mark.parametrize("rows", SIZES)
def test_person_search(cast, rows, django_assert_num_queries):
    for n in range(rows):
        assign(cast.caseworker, PersonFactory(family_name=f"Example{n}"))

    get_counted(
        client_for(cast.caseworker), reverse("people:person_list"), 12, django_assert_num_queries, q="Example"
    )


@pytest.mark.parametrize("rows", SIZES)
def test_person_detail(cast, rows, django_assert_num_queries):
    person = PersonFactory()
    assign(cast.caseworker, person)
    for n in range(rows):
        other = PersonFactory()
        assign(cast.caseworker if n % 2 else cast.outsider, other)
        if n % 2:
            Relationship.objects.create(from_person=person, to_person=other, kind=Relationship.Kind.SIBLING)
        else:
            Relationship.objects.create(from_person=other, to_person=person, kind=Relationship.Kind.PARENT)
        person.aliases.create(name=f"Alias {n}")
        ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.PHONE, value=f"555 01{n:02d}")
        Address.objects.create(person=person, line1=f"{n} Main St", city="Springfield", is_current=False)
        Consent.objects.create(person=person, information="All", purpose=Consent.Purpose.REFERRAL)
        add_member(HouseholdFactory(), person)

    page = get_counted(
        client_for(cast.caseworker),
        reverse("people:person_detail", args=[person.pk]),
        27,  # 5 of them the client's alerts (tapestry.micro.alerts, pinned there at two sizes)
        django_assert_num_queries,
    )

    assert page.count("Alias ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_household_list(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        person, relative = PersonFactory(), PersonFactory()
        assign(cast.caseworker, person)
        household = HouseholdFactory()
        add_member(household, person)
        add_member(household, relative, "child")

    get_counted(client_for(cast.caseworker), reverse("people:household_list"), 11, django_assert_num_queries)


@pytest.mark.parametrize("rows", SIZES)
def test_organisation_list(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        OrganisationFactory()

    get_counted(
        client_for(cast.caseworker), reverse("people:organisation_list"), 7, django_assert_num_queries
    )
