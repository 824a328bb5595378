"""Emergency (break-glass) access: opening a record outside the caseload, and the supervisor's review."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tapestry.access import policy, services
from tapestry.access.models import AuditEntry, BreakGlass, Role
from tapestry.testing import PersonFactory, UserFactory, assign, client_for

pytestmark = pytest.mark.django_db

QUEUE = reverse("access:break_glass_queue")
REASON = "Client called in crisis; their worker is away and the crisis team needs the safety plan."


def _open_url(person) -> str:
    return reverse("access:break_glass", args=[person.pk])


def _review_url(entry: BreakGlass) -> str:
    return reverse("access:break_glass_review", args=[entry.pk])


def _emergency(user, person=None) -> BreakGlass:
    return BreakGlass.objects.create(
        user=user, person=person or PersonFactory(), reason=REASON, expires_at=BreakGlass.default_expiry()
    )


@pytest.fixture
def stranger():
    """A person in nobody's caseload that the caseworker might need in an emergency."""
    return PersonFactory(given_name="Marisol", family_name="Quintero")


# Opening --------------------------------------------------------------------------------------


def test_form_explains_the_access_is_time_limited_audited_and_reviewed(cast, stranger, settings):
    response = client_for(cast.caseworker).get(_open_url(stranger))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"after {settings.TAPESTRY_BREAK_GLASS_MINUTES} minutes" in page
    assert "Audited" in page
    assert "supervisor reviews" in page
    assert '<label for="id_reason">' in page


def test_form_does_not_reveal_who_the_person_is(cast, stranger):
    page = client_for(cast.caseworker).get(_open_url(stranger)).content.decode()

    assert "Quintero" not in page
    assert "Marisol" not in page
    assert f"record {stranger.pk}" in page


def test_a_reason_is_required(cast, stranger):
    response = client_for(cast.caseworker).post(_open_url(stranger), {"reason": ""})

    assert "emergency access needs a reason" in response.content.decode()
    assert not BreakGlass.objects.exists()


def test_a_reason_of_a_few_characters_is_not_enough(cast, stranger):
    response = client_for(cast.caseworker).post(_open_url(stranger), {"reason": "urgent"})

    assert "at least 10 characters" in response.content.decode()
    assert not BreakGlass.objects.exists()


def test_opening_gives_read_access_and_goes_to_the_record(cast, stranger):
    response = client_for(cast.caseworker).post(_open_url(stranger), {"reason": REASON})

    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", args=[stranger.pk])
    assert policy.can_view_person(cast.caseworker, stranger)
    assert not policy.can_change_person(cast.caseworker, stranger)


def test_the_access_lasts_the_configured_time(cast, stranger, settings):
    client_for(cast.caseworker).post(_open_url(stranger), {"reason": REASON})

    entry = BreakGlass.objects.get()
    expected = timezone.now() + timedelta(minutes=settings.TAPESTRY_BREAK_GLASS_MINUTES)
    assert abs(entry.expires_at - expected) < timedelta(minutes=1)
    assert entry.outcome == BreakGlass.Outcome.PENDING


def test_opening_is_audited_with_the_reason_as_purpose(cast, stranger):
    client_for(cast.caseworker).post(_open_url(stranger), {"reason": REASON})

    entry = AuditEntry.objects.get(action=AuditEntry.Action.BREAK_GLASS)
    assert entry.actor == cast.caseworker
    assert entry.person_id == stranger.pk
    assert entry.purpose == REASON
    assert entry.ip_address == "127.0.0.1"


def test_someone_who_can_already_see_the_person_is_just_sent_to_the_record(cast):
    person = PersonFactory()
    assign(cast.teammate, person)

    response = client_for(cast.caseworker).post(_open_url(person), {"reason": REASON})

    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert not BreakGlass.objects.exists()


def test_the_service_refuses_an_emergency_access_that_is_not_needed(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)

    with pytest.raises(ValidationError):
        services.break_glass_open(actor=cast.caseworker, person=person, reason=REASON)


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.AUDITOR, Role.EVALUATOR, Role.GROUP_FACILITATOR])
def test_roles_without_client_work_cannot_break_glass(cast, stranger, role):
    response = client_for(cast[role]).post(_open_url(stranger), {"reason": REASON})

    assert response.status_code == 403
    assert not BreakGlass.objects.exists()
    with pytest.raises(PermissionDenied):
        services.break_glass_open(actor=cast[role], person=stranger, reason=REASON)


def test_unknown_record_number_is_not_found(cast):
    response = client_for(cast.caseworker).get(reverse("access:break_glass", args=[999999]))

    assert response.status_code == 404


# The review queue ----------------------------------------------------------------------------


def test_supervisor_sees_supervisees_pending_accesses(cast):
    entry = _emergency(cast.caseworker)

    response = client_for(cast.supervisor).get(QUEUE)

    page = response.content.decode()
    assert response.status_code == 200
    assert REASON in page
    assert _review_url(entry) in page


def test_queue_shows_only_the_record_number_of_a_person_the_reviewer_cannot_see(cast, stranger):
    _emergency(cast.caseworker, stranger)

    page = client_for(cast.supervisor).get(QUEUE).content.decode()

    assert f"Record {stranger.pk}" in page
    assert "Quintero" not in page


def test_queue_shows_the_name_when_the_reviewer_can_see_the_person_anyway(cast):
    person = PersonFactory(family_name="Abernathy")
    assign(cast.supervisor, person)
    _emergency(cast.caseworker, person)

    page = client_for(cast.supervisor).get(QUEUE).content.decode()

    assert "Abernathy" in page


def test_queue_leaves_out_other_supervisors_staff_and_reviewed_accesses(cast):
    other_supervisor = UserFactory(role=Role.SUPERVISOR)
    theirs = _emergency(UserFactory(role=Role.CASEWORKER, supervisor=other_supervisor))
    reviewed = _emergency(cast.teammate)
    reviewed.outcome = BreakGlass.Outcome.JUSTIFIED
    reviewed.save()

    page = client_for(cast.supervisor).get(QUEUE).content.decode()

    assert _review_url(theirs) not in page
    assert _review_url(reviewed) not in page
    assert "Nothing awaits your review." in page


def test_caseworkers_have_no_review_queue(cast):
    assert client_for(cast.caseworker).get(QUEUE).status_code == 403


def test_queue_uses_the_same_number_of_queries_for_5_and_50_accesses(cast):
    client = client_for(cast.supervisor)
    client.get(QUEUE)

    def count(n: int) -> int:
        while BreakGlass.objects.count() < n:
            _emergency(cast.caseworker if BreakGlass.objects.count() % 2 else cast.teammate)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE).status_code == 200
        return len(queries)

    at_5, at_50 = count(5), count(50)
    assert at_5 == at_50 == 7


# Reviewing -----------------------------------------------------------------------------------


def test_review_page_shows_the_reason_and_the_opener(cast):
    entry = _emergency(cast.caseworker)

    page = client_for(cast.supervisor).get(_review_url(entry)).content.decode()

    assert REASON in page
    assert cast.caseworker.username in page or str(cast.caseworker) in page


def test_supervisor_records_a_justified_access(cast):
    entry = _emergency(cast.caseworker)

    response = client_for(cast.supervisor).post(_review_url(entry), {"outcome": "justified", "note": ""})

    assert response["Location"] == QUEUE
    entry.refresh_from_db()
    assert entry.outcome == BreakGlass.Outcome.JUSTIFIED
    assert entry.reviewed_by == cast.supervisor
    assert entry.reviewed_at is not None
    audit = AuditEntry.objects.get(action=AuditEntry.Action.REVIEW)
    assert audit.actor == cast.supervisor
    assert audit.person_id == entry.person_id
    assert "outcome" in audit.fields


def test_not_justified_needs_a_note(cast):
    entry = _emergency(cast.caseworker)

    response = client_for(cast.supervisor).post(_review_url(entry), {"outcome": "not_justified", "note": ""})

    assert "Say why the access was not justified." in response.content.decode()
    entry.refresh_from_db()
    assert entry.outcome == BreakGlass.Outcome.PENDING


def test_not_justified_ends_the_access_at_once(cast, stranger):
    entry = _emergency(cast.caseworker, stranger)
    assert policy.can_view_person(cast.caseworker, stranger)

    client_for(cast.supervisor).post(
        _review_url(entry), {"outcome": "not_justified", "note": "Not an emergency; should have waited."}
    )

    entry.refresh_from_db()
    assert entry.outcome == BreakGlass.Outcome.NOT_JUSTIFIED
    assert entry.review_note == "Not an emergency; should have waited."
    assert not policy.can_view_person(cast.caseworker, stranger)


def test_an_access_is_reviewed_only_once(cast):
    entry = _emergency(cast.caseworker)
    services.break_glass_review(actor=cast.supervisor, entry=entry, outcome="justified")

    with pytest.raises(ValidationError):
        services.break_glass_review(
            actor=cast.supervisor, entry=entry, outcome="not_justified", note="changed mind"
        )
    page = client_for(cast.supervisor).get(_review_url(entry)).content.decode()
    assert "Record the review" not in page


def test_another_supervisor_cannot_review_someone_elses_supervisee(cast):
    entry = _emergency(cast.caseworker)
    other_supervisor = UserFactory(role=Role.SUPERVISOR)

    response = client_for(other_supervisor).post(_review_url(entry), {"outcome": "justified"})

    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.outcome == BreakGlass.Outcome.PENDING


def test_a_supervisor_cannot_review_their_own_emergency_access(cast):
    entry = _emergency(cast.supervisor)

    with pytest.raises(PermissionDenied):
        services.break_glass_review(actor=cast.supervisor, entry=entry, outcome="justified")


def test_caseworker_cannot_review(cast):
    entry = _emergency(cast.teammate)

    response = client_for(cast.caseworker).post(_review_url(entry), {"outcome": "justified"})

    assert response.status_code == 403
