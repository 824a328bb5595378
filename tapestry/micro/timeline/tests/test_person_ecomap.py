"""A person's ecomap: their connections as a picture, with the same connections in a table."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Consent, Segment
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.micro.timeline.tests.support import use_providers
from tapestry.people.models import Organisation, Relationship
from tapestry.testing import (
    HouseholdFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    add_member,
    assign,
    client_for,
)

pytestmark = pytest.mark.django_db


def ecomap_of(user, person) -> str:
    response = client_for(user).get(reverse("timeline:person_ecomap", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def table_rows(page: str) -> list[list[str]]:
    """The connections table, as text cells per row."""
    table = page.split('id="ecomap-table"', 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


@pytest.fixture
def rosa(cast):
    person = PersonFactory(given_name="Rosa", family_name="Rivera")
    assign(cast.caseworker, person)
    return person


def test_family_household_and_workers_are_connections_in_the_picture_and_the_table(cast, rosa):
    son = PersonFactory(given_name="Mateo", family_name="Rivera")
    assign(cast.caseworker, son)
    Relationship.objects.create(from_person=rosa, to_person=son, kind="parent")
    household = HouseholdFactory(name="Rivera household")
    add_member(household, rosa, "head")
    add_member(household, son, "child")
    lodger = PersonFactory(given_name="Max", family_name="Stone")
    add_member(household, lodger, "other_adult")
    cast.caseworker.first_name, cast.caseworker.last_name = "Elena", "Vargas"
    cast.caseworker.save()

    page = ecomap_of(cast.caseworker, rosa)

    assert "<h1>Ecomap of Rosa Rivera</h1>" in page
    rows = table_rows(page)
    assert ["Mateo Rivera", "Family and household", "Parent; Lives in Rivera household (child)", "No"] in rows
    outside = ["a household member outside your caseload", "Family and household"]
    assert [*outside, "Lives in Rivera household (other adult)", "No"] in rows
    assert any(row[0] == "Elena Vargas" and row[1] == "Workers" for row in rows)
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert (
        "Mateo Rivera" in svg and "a household member outside your caseload" in svg and "Elena Vargas" in svg
    )
    assert "Max" not in page and "Stone" not in page
    # The picture is an image without links inside it; the table beside it opens a relative on
    # one's caseload, not one outside it.
    assert "<a " not in svg and "href" not in svg
    table = page.split("</svg>", 1)[1]
    assert f'href="{reverse("people:person_detail", args=[son.pk])}"' in table
    assert reverse("people:person_detail", args=[lodger.pk]) not in page


def test_a_no_contact_relationship_is_a_strained_dashed_red_line(cast, rosa):
    former = PersonFactory(given_name="Victor", family_name="Hale")
    Relationship.objects.create(
        from_person=rosa, to_person=former, kind="former_partner", no_contact=True, notes="Protection order"
    )

    page = ecomap_of(cast.caseworker, rosa)

    hidden = "a former partner outside your caseload"
    assert [hidden, "Family and household", "Former partner, no contact", "Strained"] in table_rows(page)
    assert "Victor" not in page and "Hale" not in page
    assert re.search(r'<path d="[^"]+" stroke="#a40e26" stroke-width="3" stroke-dasharray="8 6"/>', page)


def test_the_picture_uses_svg_attributes_only_no_script_and_no_style(cast, rosa):
    Relationship.objects.create(from_person=rosa, to_person=PersonFactory(), kind="friend")

    page = ecomap_of(cast.caseworker, rosa)

    assert page.count("<svg") >= 1
    assert "style=" not in page
    assert "<script" not in page.split("</head>", 1)[1]
    assert 'role="img"' in page and '<title id="ecomap-title">Ecomap of Rosa Rivera</title>' in page


def test_organisations_the_person_agreed_to_share_with_are_connections(cast, rosa):
    school = OrganisationFactory(name="Eastside Middle School", kind=Organisation.Kind.SCHOOL)
    Consent.objects.create(
        person=rosa, information="Attendance", purpose="care_coordination", recipient_organisation=school
    )
    food_bank = OrganisationFactory(name="Harbor Food Bank")
    Consent.objects.create(
        person=rosa,
        information="Name",
        purpose="referral",
        recipient_organisation=food_bank,
        revoked_on=dt.date(2020, 1, 1),
        given_on=dt.date(2019, 1, 1),
    )

    rows = table_rows(ecomap_of(cast.caseworker, rosa))

    assert ["Eastside Middle School", "Schools", "Consent to share for care coordination", "No"] in rows
    assert not any(row[0] == "Harbor Food Bank" for row in rows)


def test_connections_from_other_areas_join_and_the_same_one_named_twice_is_one(cast, rosa, monkeypatch):
    seen = []

    def provider(*, user, person):
        seen.append((user, person))
        return [
            EcomapLink(label="Harbor Food Bank", kind="service", detail="Referral accepted"),
            EcomapLink(label="Harbor Food Bank", kind="service", detail="Weekly pantry"),
            EcomapLink(label="Parenting circle", kind="group", detail="Attends Tuesdays"),
            EcomapLink(label="Family Court", kind="court", detail="Custody hearing", stressful=True),
            EcomapLink(label="Street choir", kind="hobby"),
        ]

    use_providers(monkeypatch, ecomap=provider)

    rows = table_rows(ecomap_of(cast.caseworker, rosa))

    assert seen == [(cast.caseworker, rosa)]
    assert ["Harbor Food Bank", "Services", "Referral accepted; Weekly pantry", "No"] in rows
    assert ["Parenting circle", "Groups", "Attends Tuesdays", "No"] in rows
    assert ["Family Court", "Courts", "Custody hearing", "Strained"] in rows
    assert ["Street choir", "Other", "", "No"] in rows


def test_an_ecomap_with_many_connections_keeps_every_one(cast, rosa, monkeypatch):
    links = [EcomapLink(label=f"Service {n:02d}", kind="service") for n in range(40)]
    use_providers(monkeypatch, ecomap=lambda **_: links)

    page = ecomap_of(cast.caseworker, rosa)

    assert len(table_rows(page)) == 41  # the forty services and the worker
    assert page.count('<g class="node">') == 42  # each connection and the person


def test_a_consent_about_a_sensitive_segment_needs_the_grant(cast, rosa):
    clinic = OrganisationFactory(name="Harbor Recovery Clinic", kind=Organisation.Kind.HEALTH)
    Consent.objects.create(
        person=rosa,
        segment=Segment.SUBSTANCE_USE,
        written=True,
        information="Attendance",
        purpose="treatment",
        recipient_organisation=clinic,
    )

    assert "Harbor Recovery Clinic" not in ecomap_of(cast.caseworker, rosa)


def test_a_person_outside_the_caseload_is_refused_and_the_open_is_audited(cast, rosa):
    refused = client_for(cast.outsider).get(reverse("timeline:person_ecomap", args=[rosa.pk]))
    ecomap_of(cast.caseworker, rosa)

    assert refused.status_code == 403 and "Rosa" not in refused.content.decode()
    entry = AuditEntry.objects.filter(actor=cast.caseworker, person_id=rosa.pk).latest("id")
    assert (entry.action, entry.purpose) == (AuditEntry.Action.VIEW, "ecomap")


def test_an_ended_assignment_is_no_longer_a_worker_connection(cast, rosa):
    former = UserFactory(username="former", first_name="Former", last_name="Worker")
    assignment = assign(former, rosa)
    assignment.started_on = dt.date(2020, 1, 1)
    assignment.ended_on = dt.date(2021, 1, 1)
    assignment.save()

    assert "Former Worker" not in ecomap_of(cast.caseworker, rosa)
