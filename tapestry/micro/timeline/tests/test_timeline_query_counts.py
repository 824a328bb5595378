"""The timeline, ecomap and genogram run a fixed number of queries however much is on record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tapestry.access.models import Consent
from tapestry.micro.timeline.tests.support import use_providers
from tapestry.people.models import HouseholdMember, Relationship
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


def record_with_history(worker, rows: int):
    """A person with `rows` events of each of this app's own kinds: households, relationships, consents."""
    person = PersonFactory()
    assign(worker, person)
    for n in range(rows):
        household = HouseholdFactory()
        HouseholdMember.objects.create(
            household=household,
            person=person,
            position="other_adult",
            joined_on=dt.date(2020, 1, 1) + dt.timedelta(days=n),
        )
        relative = PersonFactory()
        if n % 2:
            assign(worker, relative)
        add_member(household, relative, "head")
        Relationship.objects.create(
            from_person=person, to_person=relative, kind="sibling", no_contact=n % 5 == 0
        )
        Consent.objects.create(
            person=person,
            information=f"Item {n}",
            purpose="referral",
            recipient_organisation=OrganisationFactory(),
            given_on=dt.date(2021, 1, 1) + dt.timedelta(days=n),
            revoked_on=dt.date(2023, 1, 1) if n % 3 == 0 else None,
        )
    return person


def counted(client, url: str) -> tuple[int, str]:
    client.get(url)  # the first request settles the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("rows", SIZES)
def test_timeline(cast, rows, django_assert_num_queries, monkeypatch):
    use_providers(monkeypatch)
    person = record_with_history(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    url = reverse("timeline:person_timeline", args=[person.pk])
    client.get(url)

    with django_assert_num_queries(16):
        page = client.get(url).content.decode()

    assert page.count("Relationship recorded") == rows
    assert page.count("Consent given") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_ecomap(cast, rows, django_assert_num_queries, monkeypatch):
    use_providers(monkeypatch)
    person = record_with_history(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    url = reverse("timeline:person_ecomap", args=[person.pk])
    client.get(url)

    with django_assert_num_queries(15):
        page = client.get(url).content.decode()

    in_force = rows - len(range(0, rows, 3))  # every third consent was revoked
    assert (
        page.count('<g class="node">') == 1 + rows + in_force + 1
    )  # person, relatives, organisations, worker


@pytest.mark.parametrize("rows", SIZES)
def test_genogram(cast, rows, django_assert_num_queries):
    household = HouseholdFactory()
    head = PersonFactory()
    assign(cast.caseworker, head)
    add_member(household, head, "head")
    for n in range(rows):
        child = PersonFactory()
        if n % 2:
            assign(cast.caseworker, child)
        add_member(household, child, "child")
        Relationship.objects.create(from_person=head, to_person=child, kind="parent")
    client = client_for(cast.caseworker)
    url = reverse("timeline:household_genogram", args=[household.pk])
    client.get(url)

    with django_assert_num_queries(16):
        page = client.get(url).content.decode()

    assert page.count('<g class="node">') == rows + 1


@pytest.mark.parametrize("page_name", ["timeline:person_timeline", "timeline:person_ecomap"])
def test_with_every_installed_area_the_count_does_not_grow(cast, page_name):
    """The real providers of the other areas join in; the total still does not depend on the data."""
    counts = []
    for rows in SIZES:
        person = record_with_history(cast.caseworker, rows)
        count, _ = counted(client_for(cast.caseworker), reverse(page_name, args=[person.pk]))
        counts.append(count)

    assert counts[0] == counts[1]


@pytest.mark.parametrize("rows", SIZES)
def test_api_timeline(cast, rows, django_assert_num_queries, monkeypatch):
    use_providers(monkeypatch)
    person = record_with_history(cast.caseworker, rows)
    client = client_for(cast.caseworker)
    url = f"/api/v1/persons/{person.pk}/timeline"
    client.get(url)

    with django_assert_num_queries(16):
        body = client.get(url).json()

    assert body["count"] == 1 + rows * 3 + len(range(0, rows, 3))
