"""The organisations API: list and search, add, open with contacts, and change with a version."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, Role, User
from tapestry.access.tokens import token_create
from tapestry.people.models import Organisation, OrganisationContact
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def names(response: object) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


# Listing ------------------------------------------------------------------------------------


def test_list_searches_by_name_and_filters_by_kind(cast):
    OrganisationFactory(name="Riverside Food Bank", kind=Organisation.Kind.NONPROFIT)
    OrganisationFactory(name="Riverside Primary", kind=Organisation.Kind.SCHOOL)
    OrganisationFactory(name="Hilltop Clinic", kind=Organisation.Kind.HEALTH)
    client = api_client(cast.caseworker)

    assert names(client.get("/api/v1/organisations")) == [
        "Hilltop Clinic",
        "Riverside Food Bank",
        "Riverside Primary",
    ]
    assert names(client.get("/api/v1/organisations?q=riverside")) == [
        "Riverside Food Bank",
        "Riverside Primary",
    ]
    assert names(client.get("/api/v1/organisations?q=riverside&kind=school")) == ["Riverside Primary"]
    assert client.get("/api/v1/organisations?kind=school").json()["items"][0]["kind_label"] == "School"


def test_an_unknown_kind_is_refused_with_an_error_on_the_field(cast):
    response = api_client(cast.caseworker).get("/api/v1/organisations?kind=cartel")

    assert response.status_code == 422
    assert "kind" in response.json()["errors"]


def test_community_and_evaluation_roles_read_organisations_but_an_auditor_does_not(cast):
    OrganisationFactory()

    assert api_client(cast[Role.EVALUATOR]).get("/api/v1/organisations").status_code == 200
    assert api_client(cast[Role.COMMUNITY_ORGANISER]).get("/api/v1/organisations").status_code == 200
    assert api_client(cast[Role.AUDITOR]).get("/api/v1/organisations").status_code == 403


# Adding -------------------------------------------------------------------------------------


def test_add_an_organisation(cast):
    body = {
        "name": "Eastside Tenants Union",
        "kind": "nonprofit",
        "email": "hello@eastside.example.org",
        "website": "https://eastside.example.org",
        "phone": "555-0199",
    }

    response = api_client(cast[Role.COMMUNITY_ORGANISER]).post(
        "/api/v1/organisations", body, content_type="application/json"
    )

    assert response.status_code == 201
    created = response.json()
    assert (created["name"], created["kind"], created["version"]) == (
        "Eastside Tenants Union",
        "nonprofit",
        1,
    )
    organisation = Organisation.objects.get(pk=created["id"])
    assert organisation.website == "https://eastside.example.org"
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CREATE, object_type="people.organisation"
    ).exists()


def test_an_evaluator_may_not_add_an_organisation(cast):
    response = api_client(cast[Role.EVALUATOR]).post(
        "/api/v1/organisations", {"name": "X", "kind": "other"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "school"}, "name"),
        ({"name": "X"}, "kind"),
        ({"name": "X", "kind": "school", "email": "nobody"}, "email"),
        ({"name": "X", "kind": "school", "website": "eastside"}, "website"),
    ],
)
def test_invalid_organisations_are_refused_with_an_error_on_the_field(cast, body, field):
    response = api_client(cast.caseworker).post(
        "/api/v1/organisations", body, content_type="application/json"
    )

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Organisation.objects.exists()


def test_the_same_name_and_kind_is_not_added_twice(cast):
    OrganisationFactory(name="Hilltop Clinic", kind=Organisation.Kind.HEALTH)

    response = api_client(cast.caseworker).post(
        "/api/v1/organisations", {"name": "Hilltop Clinic", "kind": "health"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"]
    assert Organisation.objects.count() == 1


# Opening and changing -----------------------------------------------------------------------


def test_open_an_organisation_with_its_contacts(cast):
    organisation = OrganisationFactory(name="Hilltop Clinic")
    OrganisationContact.objects.create(organisation=organisation, name="Dr Sam Ode", title="Lead nurse")

    response = api_client(cast.caseworker).get(f"/api/v1/organisations/{organisation.pk}")

    assert response.status_code == 200
    assert response.json()["name"] == "Hilltop Clinic"
    assert [(c["name"], c["title"]) for c in response.json()["contacts"]] == [("Dr Sam Ode", "Lead nurse")]


def test_a_missing_organisation_is_a_404(cast):
    response = api_client(cast.caseworker).get("/api/v1/organisations/999999")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


def test_change_an_organisation_from_the_version_read(cast):
    organisation = OrganisationFactory(name="Hilltop Clinic")

    response = api_client(cast.caseworker).patch(
        f"/api/v1/organisations/{organisation.pk}",
        {"version": 1, "phone": "555-0123"},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert (response.json()["phone"], response.json()["version"]) == ("555-0123", 2)
    organisation.refresh_from_db()
    assert organisation.phone == "555-0123"


def test_a_stale_change_to_an_organisation_is_a_conflict_and_changes_nothing(cast):
    organisation = OrganisationFactory(name="Hilltop Clinic")
    client = api_client(cast.caseworker)
    url = f"/api/v1/organisations/{organisation.pk}"
    client.patch(url, {"version": 1, "phone": "555-0123"}, content_type="application/json")

    response = client.patch(url, {"version": 1, "phone": "555-9999"}, content_type="application/json")

    assert response.status_code == 409
    assert "version" in response.json()["errors"]
    organisation.refresh_from_db()
    assert (organisation.phone, organisation.version) == ("555-0123", 2)


def test_a_change_needs_the_version(cast):
    organisation = OrganisationFactory()

    response = api_client(cast.caseworker).patch(
        f"/api/v1/organisations/{organisation.pk}", {"phone": "555-0123"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert "version" in response.json()["errors"]


def test_an_evaluator_may_not_change_an_organisation(cast):
    organisation = OrganisationFactory()

    response = api_client(cast[Role.EVALUATOR]).patch(
        f"/api/v1/organisations/{organisation.pk}",
        {"version": 1, "phone": "1"},
        content_type="application/json",
    )

    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.version == 1


# Queries do not grow with the data ----------------------------------------------------------

# The token, the count, the page.
LIST_QUERIES = 3


def test_the_list_uses_the_same_queries_for_5_and_50_organisations(cast, django_assert_num_queries):
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")  # the first request records the token's use; later ones only read it
    OrganisationFactory.create_batch(5)
    with django_assert_num_queries(LIST_QUERIES):
        five = client.get("/api/v1/organisations?page_size=100")
    OrganisationFactory.create_batch(45)
    with django_assert_num_queries(LIST_QUERIES):
        fifty = client.get("/api/v1/organisations?page_size=100")

    assert (len(five.json()["items"]), len(fifty.json()["items"])) == (5, 50)
