"""The audit log: an auditor's search page, and the append-only, hash-chained log beneath it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tapestry.access.audit import RequestContext, audit_record, audit_verify, entry_digest, request_context
from tapestry.access.models import AuditEntry, ChainCheck, Role
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

AUDIT = reverse("access:audit_log")
View, Update = AuditEntry.Action.VIEW, AuditEntry.Action.UPDATE


def record(actor, action=View, person_id=None, purpose="", object_type="people.person", fields=()):
    return audit_record(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=person_id or "",
        person_id=person_id,
        fields=fields,
        purpose=purpose,
    )


def shown_ids(response) -> list[int]:
    """The entry numbers in the results table, top to bottom."""
    return [entry.id for entry in response.context["page"].object_list]


def tamper(sql: str, params: list) -> None:
    """Change the log behind the application's back, as an intruder with database access would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks from this test's inserts must run before ALTER TABLE may.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE access_auditentry DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER access_auditentry_no_update")
            cursor.execute("DROP TRIGGER access_auditentry_no_delete")
        cursor.execute(sql, params)


@pytest.fixture
def auditor(cast):
    return cast[Role.AUDITOR]


# The page ------------------------------------------------------------------------------------


def test_auditor_sees_who_did_what_when_why_from_where_and_which_fields(cast, auditor):
    token = request_context.set(RequestContext("10.20.30.40", "/people/7/"))
    try:
        record(
            cast.caseworker,
            View,
            person_id=7,
            purpose="home visit planning",
            fields=["addresses", "contacts"],
        )
    finally:
        request_context.reset(token)

    response = client_for(auditor).get(AUDIT)

    page = response.content.decode()
    assert response.status_code == 200
    for shown in [
        "caseworker",
        "Viewed",
        "people.person",
        "home visit planning",
        "10.20.30.40",
        "/people/7/",
    ]:
        assert shown in page
    assert "addresses, contacts" in page


def test_entries_are_newest_first(cast, auditor):
    first = record(cast.caseworker)
    second = record(cast.teammate)

    ids = shown_ids(client_for(auditor).get(AUDIT))

    assert ids.index(second.id) < ids.index(first.id)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "teammate"}, {"teammate_update"}),
        ({"action": "update"}, {"teammate_update"}),
        ({"object_type": "access.user"}, {"caseworker_staff"}),
        ({"person": "42"}, {"caseworker_view_42"}),
    ],
)
def test_filters_narrow_the_results(cast, auditor, params, expected):
    made = {
        "caseworker_view_42": record(cast.caseworker, View, person_id=42),
        "teammate_update": record(cast.teammate, Update, person_id=43),
        "caseworker_staff": record(cast.caseworker, View, object_type="access.user"),
    }

    ids = set(shown_ids(client_for(auditor).get(AUDIT, params)))

    assert {name for name, entry in made.items() if entry.id in ids} == expected


def test_date_filters_include_whole_days(cast, auditor, monkeypatch):
    day = timezone.localdate()
    ten_days_ago = timezone.now() - timedelta(days=10)
    with monkeypatch.context() as clock:
        clock.setattr(timezone, "now", lambda: ten_days_ago)
        old = record(cast.caseworker)
    today = record(cast.caseworker)

    recent = set(shown_ids(client_for(auditor).get(AUDIT, {"date_from": day.isoformat()})))
    earlier = set(
        shown_ids(client_for(auditor).get(AUDIT, {"date_to": (day - timedelta(days=1)).isoformat()}))
    )
    both = set(
        shown_ids(
            client_for(auditor).get(
                AUDIT, {"date_from": (day - timedelta(days=10)).isoformat(), "date_to": day.isoformat()}
            )
        )
    )

    assert today.id in recent and old.id not in recent
    assert old.id in earlier and today.id not in earlier
    assert {old.id, today.id} <= both


def test_end_date_before_start_date_is_explained(cast, auditor):
    day = timezone.localdate()

    response = client_for(auditor).get(
        AUDIT, {"date_from": day.isoformat(), "date_to": (day - timedelta(days=3)).isoformat()}
    )

    assert "The end date is before the start date." in response.content.decode()


def test_fifty_entries_a_page_and_filters_kept_across_pages(cast, auditor):
    for _ in range(120):
        record(cast.caseworker, Update)
    client = client_for(auditor)

    first = client.get(AUDIT, {"action": "update"})
    third = client.get(AUDIT, {"action": "update", "page": 3})

    assert len(shown_ids(first)) == 50
    assert len(shown_ids(third)) == 20
    assert "action=update&amp;page=2" in first.content.decode()
    assert "Page 1 of 3" in first.content.decode()


def test_the_search_itself_is_recorded(cast, auditor):
    client_for(auditor).get(AUDIT, {"person": "42"})

    entry = AuditEntry.objects.get(actor=auditor, action=AuditEntry.Action.SEARCH)
    assert entry.person_id == 42
    assert entry.fields == ["person_id"]
    assert entry.purpose == "audit log search"


def check_chain_from_the_page(client, django_capture_on_commit_callbacks) -> str:
    # The check runs in the background worker; the test backend runs it when the request commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("access:audit_verify"))
    assert response.status_code == 302
    return client.get(AUDIT).content.decode()


def test_page_says_the_chain_was_never_checked_until_someone_asks(cast, auditor):
    page = client_for(auditor).get(AUDIT).content.decode()
    assert "The chain has not been checked yet." in page


def test_a_check_requested_from_the_page_reports_an_intact_chain(
    cast, auditor, django_capture_on_commit_callbacks
):
    record(cast.caseworker)

    page = check_chain_from_the_page(client_for(auditor), django_capture_on_commit_callbacks)

    assert "<strong>Intact</strong>" in page
    assert page.index("Is the log intact?") < page.index("<table")
    assert ChainCheck.objects.get().requested_by == auditor


def test_a_check_without_a_worker_yet_is_shown_as_waiting(cast, auditor):
    client = client_for(auditor)
    client.post(reverse("access:audit_verify"))  # on_commit never fires: the worker has not run

    assert "is waiting for the background worker" in client.get(AUDIT).content.decode()


def test_a_check_reports_where_a_tampered_chain_breaks(cast, auditor, django_capture_on_commit_callbacks):
    record(cast.caseworker)
    victim = record(cast.caseworker, purpose="court report")
    record(cast.caseworker)
    tamper("UPDATE access_auditentry SET purpose = %s WHERE id = %s", ["nothing to see", victim.id])

    page = check_chain_from_the_page(client_for(auditor), django_capture_on_commit_callbacks)

    assert f"Broken at entry {victim.id}</strong>" in page


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR, Role.EVALUATOR])
def test_only_auditors_may_search_the_log(cast, role):
    assert client_for(cast[role]).get(AUDIT).status_code == 403


def test_queries_do_not_grow_with_the_number_of_entries(cast, auditor):
    client = client_for(auditor)
    client.get(AUDIT)

    def count(n: int) -> int:
        while AuditEntry.objects.count() < n:
            record(cast.caseworker, View, person_id=AuditEntry.objects.count())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(AUDIT).status_code == 200
        return len(queries)

    at_5, at_50 = count(5), count(50)
    assert at_5 == at_50 == 11


# The chain -----------------------------------------------------------------------------------


def test_each_entry_links_to_the_one_before(cast):
    first = record(cast.caseworker)
    second = record(cast.caseworker)

    assert second.prev_hash == first.hash
    assert second.id == first.id + 1
    assert audit_verify().ok
    assert audit_verify().checked == 2


def test_saving_an_existing_entry_through_the_orm_is_refused(cast):
    entry = record(cast.caseworker, purpose="original")
    entry.purpose = "rewritten"

    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).purpose == "original"


def test_the_database_refuses_a_raw_update_or_delete(cast):
    entry = record(cast.caseworker, purpose="original")

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE access_auditentry SET purpose = %s WHERE id = %s", ["rewritten", entry.id])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM access_auditentry WHERE id = %s", [entry.id])
    assert AuditEntry.objects.get(pk=entry.pk).purpose == "original"


def test_queryset_update_is_refused_too(cast):
    entry = record(cast.caseworker, purpose="original")

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(purpose="rewritten")


def test_verify_finds_a_changed_entry(cast):
    record(cast.caseworker)
    victim = record(cast.caseworker, purpose="court report")
    record(cast.caseworker)

    tamper("UPDATE access_auditentry SET purpose = %s WHERE id = %s", ["nothing to see", victim.id])

    report = audit_verify()
    assert not report.ok
    assert report.broken_at == victim.id
    assert report.problem == "its content was changed after it was written"
    assert report.checked == 1


def test_verify_finds_a_removed_entry(cast):
    record(cast.caseworker)
    victim = record(cast.caseworker)
    record(cast.caseworker)

    tamper("DELETE FROM access_auditentry WHERE id = %s", [victim.id])

    report = audit_verify()
    assert report.broken_at == victim.id
    assert report.problem == f"entry {victim.id} is missing"


def test_verify_finds_entries_cut_off_the_end(cast):
    record(cast.caseworker)
    last = record(cast.caseworker)

    tamper("DELETE FROM access_auditentry WHERE id = %s", [last.id])

    report = audit_verify()
    assert report.broken_at == last.id
    assert "removed" in report.problem


def test_verify_finds_a_forged_entry_rehashed_without_its_successor(cast):
    record(cast.caseworker)
    victim = record(cast.caseworker, purpose="court report")
    after = record(cast.caseworker)
    victim.purpose = "nothing to see"
    forged_hash = entry_digest(victim)

    tamper(
        "UPDATE access_auditentry SET purpose = %s, hash = %s WHERE id = %s",
        ["nothing to see", forged_hash, victim.id],
    )

    report = audit_verify()
    assert report.broken_at == after.id
    assert report.problem == "its link to the previous entry does not match"


def test_entry_times_are_when_they_were_written(cast):
    before = timezone.now()
    entry = record(cast.caseworker)

    assert isinstance(entry.at, datetime)
    assert before <= entry.at <= timezone.now()
