"""The households API: list, record, open, and add members; members outside one's reach stay unnamed."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry, Role, User
from tapestry.access.tokens import token_create
from tapestry.people.models import Household, HouseholdMember, Person
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, assign

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def client_of(user: User, **fields: object) -> Person:
    person = PersonFactory(**fields)
    assign(user, person)
    return person


def post(client: Client, url: str, body: dict) -> object:
    return client.post(url, body, content_type="application/json")


# Listing ------------------------------------------------------------------------------------


def test_list_holds_households_with_someone_in_reach_only(cast):
    ours = HouseholdFactory(name="Ours")
    add_member(ours, client_of(cast.caseworker))
    theirs = HouseholdFactory(name="Theirs")
    add_member(theirs, client_of(cast.outsider))

    response = api_client(cast.caseworker).get("/api/v1/households")

    assert response.status_code == 200
    assert [h["id"] for h in response.json()["items"]] == [ours.pk]
    assert response.json()["count"] == 1


def test_a_member_outside_reach_is_shown_by_position_only(cast):
    mine = client_of(cast.caseworker, given_name="Rosa", family_name="Quill")
    partner = client_of(cast.outsider, given_name="Victor", family_name="Stane")
    household = HouseholdFactory()
    add_member(household, mine, HouseholdMember.Position.HEAD)
    add_member(household, partner, HouseholdMember.Position.PARTNER)
    client = api_client(cast.caseworker)

    for url in ("/api/v1/households", f"/api/v1/households/{household.pk}"):
        response = client.get(url)
        body = response.json()
        members = body["items"][0]["members"] if "items" in body else body["members"]
        by_position = {m["position"]: m["person"] for m in members}
        assert by_position["head"] == {"id": mine.pk, "name": "Rosa Quill"}
        assert by_position["partner"] is None
        assert "Stane" not in response.content.decode()


def test_a_role_without_caseloads_is_refused_households(cast):
    assert api_client(cast[Role.PROGRAM_MANAGER]).get("/api/v1/households").status_code == 403


# Recording ----------------------------------------------------------------------------------


def test_record_a_household_with_its_members(cast):
    parent, child = client_of(cast.caseworker), client_of(cast.teammate)
    body = {
        "name": "Quill household",
        "members": [
            {"person_id": parent.pk, "position": "head"},
            {"person_id": child.pk, "position": "child"},
        ],
    }

    response = post(api_client(cast.caseworker), "/api/v1/households", body)

    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Quill household"
    assert {(m["person"]["id"], m["position"]) for m in created["members"]} == {
        (parent.pk, "head"),
        (child.pk, "child"),
    }
    household = Household.objects.get(pk=created["id"])
    assert set(household.members.all()) == {parent, child}
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_type="people.household").exists()


def test_a_household_cannot_include_someone_outside_reach(cast):
    mine, stranger = client_of(cast.caseworker), client_of(cast.outsider)
    body = {
        "name": "Mixed",
        "members": [
            {"person_id": mine.pk, "position": "head"},
            {"person_id": stranger.pk, "position": "partner"},
        ],
    }

    response = post(api_client(cast.caseworker), "/api/v1/households", body)

    assert response.status_code == 403
    assert not Household.objects.exists()


@pytest.mark.parametrize(
    ("members", "status", "field"),
    [
        ([], 422, "members"),
        ([{"person_id": 999999, "position": "head"}], 400, "members.0.person_id"),
        ([{"person_id": "MINE", "position": "landlord"}], 422, "members.0.position"),
        (
            [{"person_id": "MINE", "position": "head"}, {"person_id": "MINE", "position": "child"}],
            422,
            "members",
        ),
    ],
)
def test_invalid_members_are_refused_with_an_error_on_the_field(cast, members, status, field):
    mine = client_of(cast.caseworker)
    members = [{**m, "person_id": mine.pk if m["person_id"] == "MINE" else m["person_id"]} for m in members]

    response = post(api_client(cast.caseworker), "/api/v1/households", {"name": "Quill", "members": members})

    assert response.status_code == status
    assert field in response.json()["errors"]
    assert not Household.objects.exists()


def test_a_household_needs_a_name(cast):
    mine = client_of(cast.caseworker)
    body = {"name": " ", "members": [{"person_id": mine.pk, "position": "head"}]}

    response = post(api_client(cast.caseworker), "/api/v1/households", body)

    assert response.status_code == 422
    assert "name" in response.json()["errors"]


# Opening and adding members -----------------------------------------------------------------


def test_open_a_household_is_audited(cast):
    household = HouseholdFactory()
    add_member(household, client_of(cast.caseworker))

    response = api_client(cast.caseworker).get(f"/api/v1/households/{household.pk}")

    assert response.status_code == 200
    assert response.json()["id"] == household.pk
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_type="people.household", object_id=str(household.pk)
    ).exists()


def test_a_household_with_no_one_in_reach_is_refused_and_a_missing_one_is_404(cast):
    household = HouseholdFactory()
    add_member(household, client_of(cast.outsider))
    client = api_client(cast.caseworker)

    assert client.get(f"/api/v1/households/{household.pk}").status_code == 403
    assert client.get("/api/v1/households/999999").status_code == 404


def test_add_a_member_to_a_household(cast):
    household = HouseholdFactory()
    add_member(household, client_of(cast.caseworker))
    newborn = client_of(cast.caseworker, given_name="Ivy", family_name="Quill")

    response = post(
        api_client(cast.caseworker),
        f"/api/v1/households/{household.pk}/members",
        {"person_id": newborn.pk, "position": "child"},
    )

    assert response.status_code == 201
    assert response.json() == {
        "household_id": household.pk,
        "person": {"id": newborn.pk, "name": "Ivy Quill"},
        "position": "child",
        "position_label": "Child",
    }
    assert household.members.filter(pk=newborn.pk).exists()


def test_someone_already_in_the_household_is_not_added_twice(cast):
    household = HouseholdFactory()
    member = client_of(cast.caseworker)
    add_member(household, member)

    response = post(
        api_client(cast.caseworker),
        f"/api/v1/households/{household.pk}/members",
        {"person_id": member.pk, "position": "other_adult"},
    )

    assert response.status_code == 400
    assert "person" in response.json()["errors"]
    assert household.memberships.count() == 1


def test_no_one_can_be_added_to_a_household_out_of_reach(cast):
    household = HouseholdFactory()
    add_member(household, client_of(cast.outsider))
    mine = client_of(cast.caseworker)

    response = post(
        api_client(cast.caseworker),
        f"/api/v1/households/{household.pk}/members",
        {"person_id": mine.pk, "position": "partner"},
    )

    assert response.status_code == 403
    assert household.memberships.count() == 1


# Queries do not grow with the data ----------------------------------------------------------

# The token, the audit entry (head, entry, head update), the count, the page, the members.
LIST_QUERIES = 7


def _households(user: User, count: int) -> None:
    for _ in range(count):
        household = HouseholdFactory()
        add_member(household, client_of(user), HouseholdMember.Position.HEAD)
        add_member(household, client_of(user), HouseholdMember.Position.CHILD)


def test_the_list_uses_the_same_queries_for_5_and_50_households(cast, django_assert_num_queries):
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")  # the first request records the token's use; later ones only read it
    _households(cast.caseworker, 5)
    with django_assert_num_queries(LIST_QUERIES):
        five = client.get("/api/v1/households?page_size=100")
    _households(cast.teammate, 45)
    with django_assert_num_queries(LIST_QUERIES):
        fifty = client.get("/api/v1/households?page_size=100")

    assert (len(five.json()["items"]), len(fifty.json()["items"])) == (5, 50)
    assert all(len(h["members"]) == 2 for h in fifty.json()["items"])
