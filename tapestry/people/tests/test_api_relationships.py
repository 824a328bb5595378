"""The relationships API: list, record and remove links between persons; the far end stays unnamed if out of reach."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, Role, User
from tapestry.access.tokens import token_create
from tapestry.people.models import Person, Relationship
from tapestry.testing import PersonFactory, assign

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def client_of(user: User, **fields: object) -> Person:
    person = PersonFactory(**fields)
    assign(user, person)
    return person


def link(
    from_person: Person, to_person: Person, kind: str = Relationship.Kind.PARENT, **fields: object
) -> Relationship:
    return Relationship.objects.create(from_person=from_person, to_person=to_person, kind=kind, **fields)


def post(client: Client, body: dict) -> object:
    return client.post("/api/v1/relationships", body, content_type="application/json")


# Listing ------------------------------------------------------------------------------------


def test_list_holds_relationships_with_someone_in_reach(cast):
    parent, child = client_of(cast.caseworker), client_of(cast.caseworker)
    ours = link(parent, child)
    link(client_of(cast.outsider), client_of(cast.outsider))

    response = api_client(cast.caseworker).get("/api/v1/relationships")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [r["id"] for r in items] == [ours.pk]
    assert items[0]["from_person"]["id"] == parent.pk
    assert items[0]["to_person"]["id"] == child.pk
    assert items[0]["kind_label"] == "Parent"


def test_list_can_be_narrowed_to_one_person(cast):
    anna, ben, cleo = (client_of(cast.caseworker) for _ in range(3))
    annas = link(anna, ben, Relationship.Kind.SIBLING)
    link(ben, cleo, Relationship.Kind.FRIEND)

    response = api_client(cast.caseworker).get(f"/api/v1/relationships?person_id={anna.pk}")

    assert [r["id"] for r in response.json()["items"]] == [annas.pk]


def test_the_far_end_outside_reach_is_not_named(cast):
    mine = client_of(cast.caseworker)
    other = client_of(cast.outsider, given_name="Victor", family_name="Stane")
    relationship = link(mine, other, Relationship.Kind.FORMER_PARTNER, no_contact=True)

    response = api_client(cast.caseworker).get("/api/v1/relationships")

    item = response.json()["items"][0]
    assert item["id"] == relationship.pk
    assert item["from_person"]["id"] == mine.pk
    assert item["to_person"] is None
    assert item["no_contact"] is True
    assert "Stane" not in response.content.decode()


def test_a_role_without_caseloads_is_refused_relationships(cast):
    assert api_client(cast[Role.GRANTS_OFFICER]).get("/api/v1/relationships").status_code == 403


# Recording ----------------------------------------------------------------------------------


def test_record_a_relationship(cast):
    carer = client_of(cast.caseworker, given_name="June", family_name="Arden")
    cared = client_of(cast.teammate, given_name="Ola", family_name="Arden")
    body = {
        "from_person_id": carer.pk,
        "to_person_id": cared.pk,
        "kind": "caregiver",
        "notes": "Daily visits",
    }

    response = post(api_client(cast.caseworker), body)

    assert response.status_code == 201
    created = response.json()
    assert created["from_person"] == {"id": carer.pk, "name": "June Arden"}
    assert created["to_person"] == {"id": cared.pk, "name": "Ola Arden"}
    assert (created["kind"], created["kind_label"], created["notes"]) == (
        "caregiver",
        "Caregiver",
        "Daily visits",
    )
    assert Relationship.objects.filter(pk=created["id"], from_person=carer, to_person=cared).exists()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CREATE, object_type="people.relationship"
    ).exists()


def test_a_relationship_to_someone_out_of_reach_is_refused(cast):
    mine, stranger = client_of(cast.caseworker), client_of(cast.outsider)

    response = post(
        api_client(cast.caseworker),
        {"from_person_id": mine.pk, "to_person_id": stranger.pk, "kind": "friend"},
    )

    assert response.status_code == 403
    assert not Relationship.objects.exists()


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"to_person_id": "SELF"}, 400, "to_person"),
        ({"to_person_id": 999999}, 400, "to_person_id"),
        ({"kind": "nemesis"}, 422, "kind"),
        ({"kind": None}, 422, "kind"),
        ({"notes": "x" * 256}, 422, "notes"),
    ],
)
def test_an_invalid_relationship_is_refused_with_an_error_on_the_field(cast, change, status, field):
    mine, other = client_of(cast.caseworker), client_of(cast.caseworker)
    body = {"from_person_id": mine.pk, "to_person_id": other.pk, "kind": "sibling", **change}
    if body["to_person_id"] == "SELF":
        body["to_person_id"] = mine.pk

    response = post(api_client(cast.caseworker), body)

    assert response.status_code == status
    assert field in response.json()["errors"]
    assert not Relationship.objects.exists()


def test_the_same_relationship_is_not_recorded_twice(cast):
    mine, other = client_of(cast.caseworker), client_of(cast.caseworker)
    link(mine, other, Relationship.Kind.SIBLING)

    response = post(
        api_client(cast.caseworker), {"from_person_id": mine.pk, "to_person_id": other.pk, "kind": "sibling"}
    )

    assert response.status_code == 400
    assert "kind" in response.json()["errors"]
    assert Relationship.objects.count() == 1


# Removing -----------------------------------------------------------------------------------


def test_remove_a_relationship_recorded_in_error(cast):
    relationship = link(client_of(cast.caseworker), client_of(cast.caseworker))

    response = api_client(cast.caseworker).delete(f"/api/v1/relationships/{relationship.pk}")

    assert response.status_code == 204
    assert response.content == b""
    assert not Relationship.objects.filter(pk=relationship.pk).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE, object_id=str(relationship.pk)).exists()


def test_a_relationship_out_of_reach_cannot_be_removed(cast):
    relationship = link(client_of(cast.outsider), client_of(cast.outsider))

    response = api_client(cast.caseworker).delete(f"/api/v1/relationships/{relationship.pk}")

    # A caseworker may break glass, so is told the record is out of reach (rule 9), not "missing".
    assert response.status_code == 403
    assert Relationship.objects.filter(pk=relationship.pk).exists()


# Queries do not grow with the data ----------------------------------------------------------

# The token, the audit entry (head, entry, head update), the count, the page with both ends.
LIST_QUERIES = 6


def _relationships(user: User, count: int) -> None:
    for _ in range(count):
        link(client_of(user), client_of(user))


def test_the_list_uses_the_same_queries_for_5_and_50_relationships(cast, django_assert_num_queries):
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")  # the first request records the token's use; later ones only read it
    _relationships(cast.caseworker, 5)
    with django_assert_num_queries(LIST_QUERIES):
        five = client.get("/api/v1/relationships?page_size=100")
    _relationships(cast.teammate, 45)
    with django_assert_num_queries(LIST_QUERIES):
        fifty = client.get("/api/v1/relationships?page_size=100")

    assert (len(five.json()["items"]), len(fifty.json()["items"])) == (5, 50)
