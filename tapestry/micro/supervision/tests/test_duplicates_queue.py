"""The duplicates queue: likely pairs among the persons a supervisor may see, merged or dismissed for good."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tapestry.access.models import AuditEntry
from tapestry.access.tokens import token_create
from tapestry.micro.supervision.models import DuplicateDismissal
from tapestry.micro.supervision.selectors import duplicate_pairs
from tapestry.testing import PersonFactory, assign, client_for, counted

pytestmark = pytest.mark.django_db
URL = "/supervision/duplicates/"
BORN = dt.date(1984, 3, 9)


def person(worker, given: str, family: str, born: dt.date | None):
    someone = PersonFactory(given_name=given, family_name=family, preferred_name="", date_of_birth=born)
    assign(worker, someone)
    return someone


@pytest.fixture
def pair(cast):
    """John Smith and 'Jon Smth', born the same day, on the caseworker's caseload (the supervisor's supervisee)."""
    return person(cast.caseworker, "John", "Smith", BORN), person(cast.caseworker, "Jon", "Smth", BORN)


def ids(pairs) -> set[tuple[int, int]]:
    return {(p.first.pk, p.second.pk) for p in pairs}


def test_a_likely_pair_is_found_with_its_reasons(cast, pair):
    person(cast.caseworker, "Maria", "Lopez", dt.date(1990, 1, 2))  # like no one
    person(cast.caseworker, "Joan", "Smithers", dt.date(1950, 6, 6))  # same family prefix, not alike enough
    found = duplicate_pairs(cast.supervisor, 10)
    assert ids(found) == {(pair[0].pk, pair[1].pk)}
    assert "same date of birth" in found[0].reasons


def test_pairs_blocked_by_family_name_are_found_without_a_shared_birth_date(cast):
    a = person(cast.caseworker, "Anna", "Kowalski", dt.date(1971, 5, 4))
    b = person(cast.caseworker, "Anna", "Kowalsky", dt.date(1971, 4, 5))  # day and month swapped
    assert ids(duplicate_pairs(cast.supervisor, 10)) == {(a.pk, b.pk)}


def test_persons_the_user_may_not_see_are_never_paired(cast, pair):
    hidden = person(cast.outsider, "John", "Smith", BORN)
    found = ids(duplicate_pairs(cast.supervisor, 10))
    assert all(hidden.pk not in p for p in found)
    assert found == {(pair[0].pk, pair[1].pk)}


def test_the_page_links_each_pair_to_the_merge_page(cast, pair):
    page = client_for(cast.supervisor).get(URL).content.decode()
    assert f"/people/{pair[1].pk}/merge/?survivor={pair[0].pk}" in page
    assert AuditEntry.objects.filter(actor=cast.supervisor, purpose__startswith="duplicates queue").exists()


def test_a_dismissed_pair_is_stored_with_who_and_why_and_does_not_come_back(cast, pair):
    client = client_for(cast.supervisor)
    # Sent the other way round: stored lower number first all the same.
    response = client.post(
        "/supervision/duplicates/dismiss/",
        {"first": pair[1].pk, "second": pair[0].pk, "reason": "Twins: different middle names on file"},
    )
    assert response.status_code == 302
    dismissal = DuplicateDismissal.objects.get()
    assert (dismissal.first, dismissal.second) == pair
    assert dismissal.dismissed_by == cast.supervisor
    assert dismissal.reason == "Twins: different middle names on file"
    assert duplicate_pairs(cast.supervisor, 10) == []
    assert f"?survivor={pair[0].pk}" not in client.get(URL).content.decode()
    logged = AuditEntry.objects.filter(action="create", object_type="supervision.duplicatedismissal")
    assert set(logged.values_list("person_id", flat=True)) == {pair[0].pk, pair[1].pk}


def test_a_dismissal_without_a_reason_is_refused_and_writes_nothing(cast, pair):
    response = client_for(cast.supervisor).post(
        "/supervision/duplicates/dismiss/", {"first": pair[0].pk, "second": pair[1].pk, "reason": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not DuplicateDismissal.objects.exists()


def test_a_pair_with_a_record_out_of_reach_cannot_be_dismissed(cast, pair):
    hidden = person(cast.outsider, "John", "Smith", BORN)
    response = client_for(cast.supervisor).post(
        "/supervision/duplicates/dismiss/", {"first": pair[0].pk, "second": hidden.pk, "reason": "Not him"}
    )
    assert response.status_code == 400
    assert "You may not see both of these records." in response.content.decode()
    assert not DuplicateDismissal.objects.exists()


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_api_lists_and_dismisses_pairs(cast, pair):
    client = api(cast.supervisor)
    body = client.get("/api/v1/supervision/duplicate-pairs").json()
    assert [(p["first"]["id"], p["second"]["id"]) for p in body] == [(pair[0].pk, pair[1].pk)]
    bad = client.post(
        "/api/v1/supervision/duplicate-dismissals",
        {"first_id": pair[0].pk, "second_id": pair[0].pk, "reason": "Same"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "second" in bad.json()["errors"]
    ok = client.post(
        "/api/v1/supervision/duplicate-dismissals",
        {"first_id": pair[0].pk, "second_id": pair[1].pk, "reason": "Different people"},
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert client.get("/api/v1/supervision/duplicate-pairs").json() == []
    again = client.post(
        "/api/v1/supervision/duplicate-dismissals",
        {"first_id": pair[0].pk, "second_id": pair[1].pk, "reason": "Different people"},
        content_type="application/json",
    )
    assert again.status_code == 400


@pytest.mark.parametrize("rows", [3, 30])
def test_the_queue_runs_the_same_queries_at_any_size(cast, rows, django_assert_num_queries):
    for n in range(rows):
        born = BORN + dt.timedelta(days=n)
        person(cast.caseworker, f"Sam{n}", "Lee", born)
        person(cast.caseworker, f"Sam{n}", "Leigh", born)
    page = counted(client_for(cast.supervisor), URL, 9, django_assert_num_queries).content.decode()
    assert page.count("?survivor=") == rows
