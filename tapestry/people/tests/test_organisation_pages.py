"""Organisation pages: partners, schools, funders and offices, with their contacts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


def organisation_data(organisation: Organisation | None = None, **changes: object) -> dict[str, object]:
    data = {
        "name": "Northside Food Bank",
        "kind": "nonprofit",
        "description": "",
        "phone": "",
        "email": "",
        "website": "",
        "address": "",
    }
    if organisation is not None:
        data.update({name: getattr(organisation, name) for name in data} | {"version": organisation.version})
    data.update(changes)
    return data


def test_an_organisation_is_created_and_shown(cast):
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("people:organisation_create"), organisation_data(phone="555 0199"), follow=True
    )

    organisation = Organisation.objects.get(name="Northside Food Bank")
    assert response.redirect_chain[-1][0] == reverse("people:organisation_detail", args=[organisation.pk])
    assert "<h1>Northside Food Bank</h1>" in response.content.decode()
    assert "555 0199" in response.content.decode()


def test_a_bad_email_is_refused_next_to_the_field(cast):
    response = client_for(cast.caseworker).post(
        reverse("people:organisation_create"), organisation_data(email="nope")
    )

    assert 'id="id_email_error"' in response.content.decode()
    assert not Organisation.objects.exists()


def test_the_same_name_and_kind_twice_is_refused(cast):
    OrganisationFactory(name="Northside Food Bank", kind=Organisation.Kind.NONPROFIT)

    response = client_for(cast.caseworker).post(reverse("people:organisation_create"), organisation_data())

    assert "already exists" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_an_edit_is_saved_with_its_version(cast):
    organisation = OrganisationFactory(name="Northside Food Bank")
    url = reverse("people:organisation_edit", args=[organisation.pk])
    client = client_for(cast.caseworker)

    form = client.get(url).content.decode()
    response = client.post(url, organisation_data(organisation, phone="555 0123"))

    organisation.refresh_from_db()
    assert 'name="version" value="1"' in form
    assert response.status_code == 302
    assert organisation.phone == "555 0123"
    assert organisation.version == 2


def test_a_stale_edit_gets_the_conflict_message_and_keeps_the_first_edit(cast):
    organisation = OrganisationFactory(name="Northside Food Bank")
    url = reverse("people:organisation_edit", args=[organisation.pk])
    loaded = organisation_data(organisation)

    client_for(cast.caseworker).post(url, {**loaded, "phone": "555 0001"})
    response = client_for(cast.supervisor).post(url, {**loaded, "phone": "555 0002"})

    organisation.refresh_from_db()
    assert response.status_code == 409
    assert "Someone else changed this record after you opened it." in response.content.decode()
    assert 'value="555 0002"' in response.content.decode()
    assert organisation.phone == "555 0001"


def test_the_list_filters_by_name_and_kind_and_keeps_filters_across_pages(cast):
    OrganisationFactory(name="Lincoln Elementary", kind=Organisation.Kind.SCHOOL)
    OrganisationFactory(name="Lincoln Food Pantry", kind=Organisation.Kind.NONPROFIT)
    OrganisationFactory(name="Riverside High", kind=Organisation.Kind.SCHOOL)
    for n in range(26):
        OrganisationFactory(name=f"School {n:02d}", kind=Organisation.Kind.SCHOOL)
    client = client_for(cast.caseworker)

    by_name = client.get(reverse("people:organisation_list"), {"q": "lincoln"}).content.decode()
    by_both = client.get(
        reverse("people:organisation_list"), {"q": "lincoln", "kind": "school"}
    ).content.decode()
    schools = client.get(reverse("people:organisation_list"), {"kind": "school"}).content.decode()

    assert "Lincoln Elementary" in by_name and "Lincoln Food Pantry" in by_name
    assert "Lincoln Elementary" in by_both and "Lincoln Food Pantry" not in by_both
    assert "Page 1 of 2" in schools
    assert "?q=&amp;kind=school&amp;page=2" in schools


def test_a_contact_is_added_to_an_organisation(cast):
    organisation = OrganisationFactory()

    response = client_for(cast.caseworker).post(
        reverse("people:organisation_contact_add", args=[organisation.pk]),
        {
            "name": "Dana Park",
            "title": "Intake coordinator",
            "phone": "555 0150",
            "email": "dana@example.org",
        },
        follow=True,
    )

    assert organisation.contacts.get().name == "Dana Park"
    assert "Intake coordinator" in response.content.decode()


def test_a_role_that_only_reads_organisations_sees_no_edit_and_is_refused_one(cast):
    organisation = OrganisationFactory()
    facilitator = client_for(cast[Role.GROUP_FACILITATOR])

    page = facilitator.get(reverse("people:organisation_detail", args=[organisation.pk])).content.decode()
    refused = facilitator.post(
        reverse("people:organisation_edit", args=[organisation.pk]), organisation_data(organisation)
    )

    assert organisation.name in page
    assert reverse("people:organisation_edit", args=[organisation.pk]) not in page
    assert refused.status_code == 403
