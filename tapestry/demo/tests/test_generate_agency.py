"""`manage.py generate_agency`: a realistic agency of any size, the same for the same seed."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from tapestry.access import policy
from tapestry.access.audit import audit_record, audit_verify
from tapestry.access.models import Assignment, AuditChainHead, AuditEntry, Consent, Role, User
from tapestry.demo.scale import AgencyPlan, Progress, frontline_count, generate_agency
from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.referrals.models import Referral
from tapestry.people.duplicates import find_duplicates
from tapestry.people.models import Person

pytestmark = pytest.mark.django_db(transaction=False)

# A fixed day in the past, so the agency does not drift with the calendar and no note is dated later.
TODAY = dt.date(2026, 1, 15)
FRONTLINE = (Role.CASEWORKER, Role.CRISIS_WORKER, Role.CHILD_WELFARE_WORKER, Role.SCHOOL_SOCIAL_WORKER)
CURRENT = (Case.Status.OPEN, Case.Status.ON_HOLD)


class _Discard(Exception):
    """Raised to roll a generated agency back, so one test can build several."""


def generate(clients: int, seed: int = 1, batch: int = 200) -> Counter:
    return generate_agency(AgencyPlan(clients=clients, seed=seed, batch=batch, today=TODAY))


def built(clients: int, seed: int = 1, batch: int = 200) -> tuple[Counter, str]:
    """Rows written and a digest of names, birth dates and notes per case, then roll it all back."""
    try:
        with transaction.atomic():
            counts = generate(clients, seed, batch)
            persons = list(
                Person.objects.order_by("pk").values_list("given_name", "family_name", "date_of_birth")
            )
            notes = list(
                Case.objects.order_by("pk").annotate(n=Count("progress_notes")).values_list("n", flat=True)
            )
            digest = hashlib.sha256(repr((persons, notes)).encode()).hexdigest()
            raise _Discard
    except _Discard:
        pass
    return counts, digest


def test_counts_scale_with_the_number_of_clients():
    small, _ = built(600)
    large, _ = built(2400)

    assert small["people.person"] == 600
    assert large["people.person"] == 2400
    for label in (
        "cases.case",
        "casework.progressnote",
        "people.household",
        "access.assignment",
        "assessments.assessment",
        "referrals.referral",
    ):
        assert 2.5 <= large[label] / small[label] <= 5.5, label
    assert large["groups.group"] > small["groups.group"] >= 1
    assert large["group_sessions.attendance"] > small["group_sessions.attendance"] > 0
    assert large["access.user"] > small["access.user"]
    # Macro work does not grow with the caseload: a few campaigns and funders whatever the size.
    for label in ("campaigns.campaign", "grants.funder", "grants.opportunity"):
        assert 1 <= large[label] == small[label] <= 24, label


def test_about_sixty_open_cases_per_frontline_worker():
    generate(2400)

    workers = User.objects.filter(role__in=FRONTLINE).count()
    open_cases = Case.objects.filter(status=Case.Status.OPEN).count()
    assert workers == sum(1 for _ in User.objects.filter(role__in=FRONTLINE)) >= frontline_count(2400) - 2
    assert 40 <= open_cases / workers <= 80
    # Every worker sits in a team under a supervisor, and supervisors answer to a program manager.
    for worker in User.objects.filter(role__in=FRONTLINE).select_related("supervisor"):
        assert worker.supervisor.role == Role.SUPERVISOR
        assert worker.team_memberships.filter(team__memberships__user=worker.supervisor).exists()
    assert not User.objects.filter(role=Role.SUPERVISOR, supervisor__isnull=True).exists()
    assert User.objects.filter(role=Role.PROGRAM_MANAGER).exists()
    assert User.objects.filter(role=Role.EVALUATOR).exists()
    assert User.objects.filter(role=Role.GROUP_FACILITATOR).exists()


def test_the_same_seed_gives_the_same_agency_and_another_seed_another():
    counts, digest = built(500, seed=7)
    again_counts, again = built(500, seed=7)
    other_counts, other = built(500, seed=8)

    assert again == digest
    assert again_counts == counts
    assert other != digest
    assert other_counts != counts


def test_notes_per_case_are_skewed_most_few_some_hundreds():
    generate(3000, batch=1000)

    per_case = list(Case.objects.annotate(n=Count("progress_notes")).values_list("n", flat=True))
    assert statistics.median(per_case) <= 2
    assert sum(1 for n in per_case if n <= 3) / len(per_case) >= 0.7
    assert max(per_case) >= 50
    assert max(per_case) <= 400


def test_every_current_case_is_in_its_workers_active_caseload_and_visible_to_them():
    generate(600)

    active = Assignment.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=TODAY), started_on__lte=TODAY
    )
    live = set(active.values_list("person_id", "staff_id"))
    all_links = set(Assignment.objects.values_list("person_id", "staff_id"))
    cases = list(Case.objects.values_list("person_id", "worker_id", "status"))
    assert {status for _, _, status in cases} == {*CURRENT, Case.Status.CLOSED}
    for person, worker, status in cases:
        assert (person, worker) in (live if status in CURRENT else all_links)
    # Closed work leaves the caseload: no one carries a client whose every case is closed.
    current_people = {(person, worker) for person, worker, status in cases if status in CURRENT}
    assert live <= current_people
    # The access policy agrees: each worker sees all their current cases, sensitive segments included.
    for worker in User.objects.filter(role__in=FRONTLINE):
        mine = Case.objects.filter(worker=worker, status__in=CURRENT)
        assert policy.visible(worker, mine).count() == mine.count()


def test_audit_history_continues_the_chain_and_verifies():
    audit_record(actor=None, action=AuditEntry.Action.LOGIN, object_type="test", purpose="before")

    counts = generate(400)

    report = audit_verify()
    assert report.ok, report.problem
    assert report.checked == AuditEntry.objects.count() == counts["access.auditentry"] + 1
    assert AuditChainHead.objects.get(pk=1).last_id == report.checked
    assert (
        AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_type="cases.case").count()
        == (counts["cases.case"])
    )


def test_some_persons_are_near_duplicates_of_others():
    generate(1000, batch=1000)

    # Intake typos: a second record with a changed letter, the same birth date and a shared phone.
    shared_phones = (
        Person.objects.filter(contacts__kind="phone")
        .values("contacts__normalised")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    assert 5 <= shared_phones <= 60
    sample = Person.objects.order_by("-pk")[:200]
    found = sum(
        1
        for person in sample
        if any(
            c.person_id != person.pk and c.score >= 80
            for c in find_duplicates(
                given_name=person.given_name,
                family_name=person.family_name,
                date_of_birth=person.date_of_birth,
                exclude_id=person.pk,
                limit=1,
            )
        )
    )
    assert found >= 2


def test_groups_have_members_sessions_and_uneven_attendance():
    generate(1200)

    marks = Counter(Attendance.objects.values_list("status", flat=True))
    assert marks["present"] > marks["absent"] > 0
    held = Attendance.objects.values("session").distinct().count()
    assert held >= 10
    # Members come from the agency's open cases, linked to them.
    assert not Attendance.objects.filter(membership__case__isnull=True).exists()


def test_the_command_prints_a_row_count_per_model():
    out = StringIO()

    call_command("generate_agency", clients=120, seed=3, batch=50, today=TODAY, no_progress=True, stdout=out)

    table = out.getvalue()
    assert "people.person" in table and " 120" in table
    assert "casework.progressnote" in table
    assert Person.objects.count() == 120
    assert ProgressNote.objects.exists()


def test_refuses_a_database_that_already_holds_persons():
    Person.objects.create(given_name="Ada", family_name="Existing")

    with pytest.raises(CommandError, match="already holds persons"):
        call_command("generate_agency", clients=50, seed=1, today=TODAY, no_progress=True, stdout=StringIO())

    assert Person.objects.count() == 1
    assert not Case.objects.exists()


def test_progress_bar_shows_persons_rate_and_time_left():
    stream = StringIO()
    bar = Progress(1000, stream)

    bar.show(250, 5000)
    bar.finish()

    line = stream.getvalue()
    assert line.startswith("\r[#######")
    assert "250/1,000 persons" in line and "rows/s" in line and "ETA" in line
    assert "done in 0:00:00" in line


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"clients": 0}, "at least 1"),
        ({"clients": 10, "batch": 0}, "at least 1"),
        ({"clients": 10, "today": dt.date(2999, 1, 1)}, "cannot be in the future"),
    ],
)
def test_refuses_options_that_make_no_agency_or_future_dates(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_agency", no_progress=True, stdout=StringIO(), **options)

    assert not Person.objects.exists()


def test_referrals_go_from_general_cases_under_a_consent_naming_the_recipient():
    generate(1000)

    referrals = Referral.objects.select_related("case", "consent")
    assert referrals.count() >= 20
    assert set(referrals.values_list("case__segment", flat=True)) == {""}
    for referral in referrals:
        consent = referral.consent
        assert consent.person_id == referral.case.person_id
        assert consent.recipient_organisation_id == referral.recipient_organisation_id
        assert consent.purpose == Consent.Purpose.REFERRAL and consent.written
        assert consent.given_on <= referral.sent_at.date() < consent.expires_on
        assert referral.events.filter(status=Referral.Status.SENT).exists()
