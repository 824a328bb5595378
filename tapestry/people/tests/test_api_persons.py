"""The persons API: list and search, register with a duplicate check, open, change, find duplicates, merge."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.models import Assignment, AuditEntry, Role, User
from tapestry.access.tokens import token_create
from tapestry.people.models import Address, ContactPoint, Person, PersonAlias
from tapestry.testing import HouseholdFactory, PersonFactory, PhoneFactory, add_member, assign

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def client_of(user: User) -> Person:
    person = PersonFactory()
    assign(user, person)
    return person


def ids(response: object) -> set[int]:
    return {item["id"] for item in response.json()["items"]}


def intake(**overrides: object) -> dict:
    return {
        "given_name": "Odalys",
        "family_name": "Brannigan-Vex",
        "date_of_birth": "1984-03-09",
        **overrides,
    }


# Listing and search -------------------------------------------------------------------------


def test_list_holds_own_and_team_caseload_but_never_an_outsiders_client(cast):
    mine, teams, outsiders = client_of(cast.caseworker), client_of(cast.teammate), client_of(cast.outsider)

    response = api_client(cast.caseworker).get("/api/v1/persons")

    assert response.status_code == 200
    assert ids(response) == {mine.pk, teams.pk}
    assert response.json()["count"] == 2
    assert outsiders.pk not in ids(response)


def test_list_items_name_the_primary_worker(cast):
    client_of(cast.caseworker)

    item = api_client(cast.caseworker).get("/api/v1/persons").json()["items"][0]

    assert item["primary_worker"]["staff_id"] == cast.caseworker.pk
    assert item["primary_worker"]["kind"] == Assignment.Kind.PRIMARY


def test_list_is_paginated_by_page_and_page_size(cast):
    for _ in range(3):
        client_of(cast.caseworker)
    client = api_client(cast.caseworker)

    first = client.get("/api/v1/persons?page_size=2").json()
    second = client.get("/api/v1/persons?page_size=2&page=2").json()

    assert (len(first["items"]), len(second["items"])) == (2, 1)
    assert first["count"] == second["count"] == 3


def test_page_size_above_100_is_refused_with_a_field_error(cast):
    response = api_client(cast.caseworker).get("/api/v1/persons?page_size=101")

    assert response.status_code == 422
    assert "page_size" in response.json()["errors"]


def test_search_matches_names_aliases_and_phone_and_is_audited(cast):
    by_name = PersonFactory(given_name="Philippa", family_name="Quorn")
    by_alias = PersonFactory(given_name="Ann", family_name="Smith")
    PersonAlias.objects.create(person=by_alias, name="Annie Quorn")
    by_phone = PersonFactory(given_name="Bert", family_name="Ives")
    PhoneFactory(person=by_phone, value="(555) 867-5309")
    other = PersonFactory(given_name="Carla", family_name="Diaz")
    for person in (by_name, by_alias, by_phone, other):
        assign(cast.caseworker, person)
    client = api_client(cast.caseworker)

    assert ids(client.get("/api/v1/persons?q=quorn")) == {by_name.pk, by_alias.pk}
    assert ids(client.get("/api/v1/persons?q=8675309")) == {by_phone.pk}
    assert AuditEntry.objects.filter(actor=cast.caseworker, action=AuditEntry.Action.SEARCH).count() == 2


def test_search_never_reaches_outside_the_caseload(cast):
    stranger = PersonFactory(given_name="Philippa", family_name="Quorn")
    assign(cast.outsider, stranger)

    response = api_client(cast.caseworker).get("/api/v1/persons?q=quorn")

    assert response.json() == {"items": [], "count": 0}


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.ADMINISTRATOR, Role.AUDITOR, Role.GROUP_FACILITATOR])
def test_roles_without_caseloads_are_refused_persons(cast, role):
    client = api_client(cast[role])

    listing = client.get("/api/v1/persons")
    creating = client.post("/api/v1/persons", intake(), content_type="application/json")

    assert listing.status_code == creating.status_code == 403
    assert set(listing.json()) == {"detail", "errors"}
    assert not Person.objects.exists()


# Registering --------------------------------------------------------------------------------


def test_register_a_person_with_phone_email_and_alias(cast):
    body = intake(phone="555-010-2030", email="odalys@example.org", aliases=["Oda Vex"], pronouns="she/her")

    response = api_client(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")

    assert response.status_code == 201
    created = response.json()
    person = Person.objects.get(pk=created["id"])
    assert created["version"] == 1
    assert created["display_name"] == "Odalys Brannigan-Vex"
    assert person.date_of_birth == dt.date(1984, 3, 9)
    assert set(person.contacts.values_list("kind", "value")) == {
        (ContactPoint.Kind.PHONE, "555-010-2030"),
        (ContactPoint.Kind.EMAIL, "odalys@example.org"),
    }
    assert list(person.aliases.values_list("name", flat=True)) == ["Oda Vex"]
    # The intake worker becomes the primary worker, so the new record stays in reach.
    assert Assignment.objects.filter(
        staff=cast.caseworker, person=person, kind=Assignment.Kind.PRIMARY
    ).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, person_id=person.pk).exists()


def test_a_likely_duplicate_stops_registration_and_shows_only_visible_candidates(cast):
    mine = PersonFactory(given_name="Maria", family_name="Lopez", date_of_birth=dt.date(1980, 1, 1))
    assign(cast.caseworker, mine)
    theirs = PersonFactory(given_name="María", family_name="López", date_of_birth=dt.date(1980, 1, 1))
    assign(cast.outsider, theirs)
    body = intake(given_name="Maria", family_name="Lopez", date_of_birth="1980-01-01")

    response = api_client(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")

    assert response.status_code == 409
    conflict = response.json()
    assert conflict["detail"]
    assert conflict["errors"] == {}
    assert [c["id"] for c in conflict["candidates"]] == [mine.pk]
    candidate = conflict["candidates"][0]
    assert set(candidate) == {"id", "name", "date_of_birth", "score", "reasons"}
    assert candidate["name"] == "Maria Lopez"
    assert candidate["date_of_birth"] == "1980-01-01"
    assert "same date of birth" in candidate["reasons"]
    # The other worker's client is counted, never named.
    assert conflict["hidden_candidates"] == 1
    assert "López" not in response.content.decode()
    assert Person.objects.count() == 2


def test_confirming_not_a_duplicate_registers_the_person(cast):
    existing = PersonFactory(given_name="Maria", family_name="Lopez", date_of_birth=dt.date(1980, 1, 1))
    assign(cast.caseworker, existing)
    body = intake(
        given_name="Maria", family_name="Lopez", date_of_birth="1980-01-01", confirm_not_duplicate=True
    )

    response = api_client(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")

    assert response.status_code == 201
    assert Person.objects.filter(family_name="Lopez").count() == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"given_name": "Odalys"}, "family_name"),
        (intake(given_name="   "), "given_name"),
        (intake(date_of_birth=(timezone.localdate() + dt.timedelta(days=1)).isoformat()), "date_of_birth"),
        (intake(date_of_birth="09/03/1984"), "date_of_birth"),
        (intake(date_of_birth="1984-02-30"), "date_of_birth"),
        (intake(email="not an address"), "email"),
        (intake(family_name="x" * 101), "family_name"),
        (intake(nickname="Oda"), "nickname"),
    ],
)
def test_invalid_input_is_refused_with_an_error_on_the_field(cast, body, field):
    response = api_client(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert field in errors
    assert all(isinstance(message, str) and message for message in errors[field])
    assert not Person.objects.exists()


def test_a_body_that_is_not_json_is_refused(cast):
    response = api_client(cast.caseworker).post(
        "/api/v1/persons", "{not json", content_type="application/json"
    )

    assert 400 <= response.status_code < 500
    assert set(response.json()) == {"detail", "errors"}


# Opening a record ---------------------------------------------------------------------------


def test_open_a_record_with_names_contacts_addresses_households_and_workers(cast):
    person = client_of(cast.caseworker)
    assign(cast.teammate, person, kind=Assignment.Kind.SECONDARY)
    PersonAlias.objects.create(person=person, name="Former Name")
    PhoneFactory(person=person, value="555-0101", safe_to_contact=False)
    Address.objects.create(person=person, line1="1 Refuge Way", city="Harbour", confidential=True)
    household = HouseholdFactory(name="Harbour household")
    add_member(household, person)

    response = api_client(cast.caseworker).get(f"/api/v1/persons/{person.pk}")

    assert response.status_code == 200
    record = response.json()
    assert record["id"] == person.pk
    assert record["version"] == 1
    assert [a["name"] for a in record["aliases"]] == ["Former Name"]
    assert record["contacts"][0]["safe_to_contact"] is False
    assert record["addresses"][0]["confidential"] is True
    assert record["households"] == [
        {"household_id": household.pk, "name": "Harbour household", "position": "head"}
    ]
    assert {(w["staff_id"], w["kind"]) for w in record["workers"]} == {
        (cast.caseworker.pk, "primary"),
        (cast.teammate.pk, "secondary"),
    }
    assert record["can_change"] is True
    assert record["emergency_access"] is False


def test_opening_a_record_writes_a_view_entry_to_the_audit_log(cast):
    person = client_of(cast.caseworker)

    api_client(cast.caseworker).get(f"/api/v1/persons/{person.pk}?purpose=home visit planning")

    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW, person_id=person.pk)
    assert entry.actor == cast.caseworker
    assert entry.purpose == "home visit planning"
    assert entry.path == f"/api/v1/persons/{person.pk}"


def test_a_caseworker_cannot_open_a_record_outside_their_caseload(cast):
    stranger = client_of(cast.outsider)

    response = api_client(cast.caseworker).get(f"/api/v1/persons/{stranger.pk}")

    assert response.status_code == 403
    assert response.json()["errors"] == {}
    assert "caseload" in response.json()["detail"]
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, person_id=stranger.pk).exists()


def test_a_supervisor_opens_a_supervisees_client(cast):
    person = client_of(cast.teammate)

    assert api_client(cast.supervisor).get(f"/api/v1/persons/{person.pk}").status_code == 200


def test_an_unknown_person_is_a_404(cast):
    response = api_client(cast.caseworker).get("/api/v1/persons/999999")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


# Changing a record --------------------------------------------------------------------------


def test_change_a_record_from_the_version_read(cast):
    person = client_of(cast.caseworker)
    body = {"version": 1, "preferred_name": "Dee", "needs_interpreter": True}

    response = api_client(cast.caseworker).patch(
        f"/api/v1/persons/{person.pk}", body, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert response.json()["preferred_name"] == "Dee"
    person.refresh_from_db()
    assert (person.preferred_name, person.needs_interpreter, person.version) == ("Dee", True, 2)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE, person_id=person.pk)
    assert entry.fields == ["needs_interpreter", "preferred_name"]


def test_a_stale_change_is_a_conflict_and_changes_nothing(cast):
    person = client_of(cast.caseworker)
    client = api_client(cast.caseworker)
    url = f"/api/v1/persons/{person.pk}"
    client.patch(url, {"version": 1, "pronouns": "they/them"}, content_type="application/json")

    response = client.patch(url, {"version": 1, "pronouns": "she/her"}, content_type="application/json")

    assert response.status_code == 409
    assert "version" in response.json()["errors"]
    assert "changed this record" in response.json()["detail"]
    person.refresh_from_db()
    assert (person.pronouns, person.version) == ("they/them", 2)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"pronouns": "she/her"}, "version"),
        ({"version": 1, "given_name": None}, "given_name"),
        ({"version": 1, "date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"version": 1, "merged_into": 3}, "merged_into"),
    ],
)
def test_an_invalid_change_is_refused_with_an_error_on_the_field(cast, body, field):
    person = client_of(cast.caseworker)

    response = api_client(cast.caseworker).patch(
        f"/api/v1/persons/{person.pk}", body, content_type="application/json"
    )

    assert response.status_code == 422
    assert field in response.json()["errors"]
    person.refresh_from_db()
    assert person.version == 1


def test_a_date_of_birth_can_be_cleared(cast):
    person = client_of(cast.caseworker)
    body = {"version": 1, "date_of_birth": None}

    response = api_client(cast.caseworker).patch(
        f"/api/v1/persons/{person.pk}", body, content_type="application/json"
    )

    assert response.status_code == 200
    person.refresh_from_db()
    assert person.date_of_birth is None


def test_a_caseworker_cannot_change_a_record_outside_their_caseload(cast):
    stranger = client_of(cast.outsider)
    body = {"version": 1, "pronouns": "she/her"}

    response = api_client(cast.caseworker).patch(
        f"/api/v1/persons/{stranger.pk}", body, content_type="application/json"
    )

    assert response.status_code == 403
    stranger.refresh_from_db()
    assert stranger.version == 1


# Duplicates and merging ---------------------------------------------------------------------


def test_duplicates_of_a_person_show_visible_ones_and_count_the_rest(cast):
    person = PersonFactory(given_name="Jonas", family_name="Whitcombe", date_of_birth=dt.date(1975, 6, 2))
    twin = PersonFactory(given_name="Jonas", family_name="Whitcomb", date_of_birth=dt.date(1975, 6, 2))
    hidden = PersonFactory(given_name="Jonás", family_name="Whitcombe", date_of_birth=dt.date(1975, 6, 2))
    for own in (person, twin):
        assign(cast.caseworker, own)
    assign(cast.outsider, hidden)

    response = api_client(cast.caseworker).get(f"/api/v1/persons/{person.pk}/duplicates")

    assert response.status_code == 200
    assert [c["id"] for c in response.json()["candidates"]] == [twin.pk]
    assert response.json()["hidden_candidates"] == 1


def test_duplicates_of_someone_outside_the_caseload_are_refused(cast):
    stranger = client_of(cast.outsider)

    assert api_client(cast.caseworker).get(f"/api/v1/persons/{stranger.pk}/duplicates").status_code == 403


def test_a_supervisor_merges_a_duplicate_into_the_surviving_record(cast):
    survivor = PersonFactory(given_name="Jonas", family_name="Whitcombe")
    duplicate = PersonFactory(given_name="Jonas", family_name="Whitcomb")
    assign(cast.caseworker, survivor)
    assign(cast.caseworker, duplicate)
    phone = PhoneFactory(person=duplicate)

    response = api_client(cast.supervisor).post(
        f"/api/v1/persons/{duplicate.pk}/merge", {"survivor_id": survivor.pk}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["id"] == survivor.pk
    assert response.json()["version"] == 2
    duplicate.refresh_from_db()
    phone.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert phone.person == survivor
    assert survivor.aliases.filter(name="Jonas Whitcomb").exists()


def test_a_merged_record_points_to_the_survivor(cast):
    survivor, duplicate = client_of(cast.caseworker), client_of(cast.caseworker)
    client = api_client(cast.supervisor)
    client.post(
        f"/api/v1/persons/{duplicate.pk}/merge", {"survivor_id": survivor.pk}, content_type="application/json"
    )

    response = api_client(cast.caseworker).get(f"/api/v1/persons/{duplicate.pk}")

    assert response.status_code == 200
    assert response.json()["merged_into_id"] == survivor.pk
    assert duplicate.pk not in ids(api_client(cast.caseworker).get("/api/v1/persons"))


def test_a_caseworker_may_not_merge(cast):
    survivor, duplicate = client_of(cast.caseworker), client_of(cast.caseworker)

    response = api_client(cast.caseworker).post(
        f"/api/v1/persons/{duplicate.pk}/merge", {"survivor_id": survivor.pk}, content_type="application/json"
    )

    assert response.status_code == 403
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_merging_into_an_unknown_survivor_is_an_error_on_that_field(cast):
    duplicate = client_of(cast.caseworker)

    response = api_client(cast.supervisor).post(
        f"/api/v1/persons/{duplicate.pk}/merge", {"survivor_id": 999999}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "survivor_id" in response.json()["errors"]


def test_a_record_cannot_be_merged_into_itself(cast):
    person = client_of(cast.caseworker)

    response = api_client(cast.supervisor).post(
        f"/api/v1/persons/{person.pk}/merge", {"survivor_id": person.pk}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "duplicate" in response.json()["errors"]


# Queries do not grow with the data ----------------------------------------------------------

# The token, the audit entry (head, entry, head update), the count, the page, the primary workers.
LIST_QUERIES = 7
# The token, the policy checks, the record with each part prefetched once, and the audit entry.
DETAIL_QUERIES = 17


def _clients(user: User, count: int) -> None:
    for _ in range(count):
        person = client_of(user)
        PhoneFactory(person=person)


def test_the_list_uses_the_same_queries_for_5_and_50_persons(cast, django_assert_num_queries):
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")  # the first request records the token's use; later ones only read it
    _clients(cast.caseworker, 5)
    with django_assert_num_queries(LIST_QUERIES):
        five = client.get("/api/v1/persons?page_size=100")
    _clients(cast.teammate, 45)
    with django_assert_num_queries(LIST_QUERIES):
        fifty = client.get("/api/v1/persons?page_size=100")

    assert (len(five.json()["items"]), len(fifty.json()["items"])) == (5, 50)


def test_opening_a_record_uses_the_same_queries_with_few_or_many_details(cast, django_assert_num_queries):
    client = api_client(cast.caseworker)
    client.get("/api/v1/me")
    person = client_of(cast.caseworker)
    PhoneFactory(person=person)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(f"/api/v1/persons/{person.pk}")
    for number in range(10):
        PhoneFactory(person=person)
        PersonAlias.objects.create(person=person, name=f"Alias {number}")
        Address.objects.create(person=person, line1=f"{number} Long Road", city="Harbour", is_current=False)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(f"/api/v1/persons/{person.pk}")

    assert len(response.json()["contacts"]) == 11
