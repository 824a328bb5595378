"""`manage.py seed_demo`: a deterministic demo agency, loaded once, that shows every role's view."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from tapestry.access import policy
from tapestry.access.models import (
    Assignment,
    AuditEntry,
    BreakGlass,
    Consent,
    Role,
    Segment,
    SegmentGrant,
    Team,
    User,
)
from tapestry.demo.generate import DEMO_PASSWORD, demo_load
from tapestry.mezzo.groups.models import Membership
from tapestry.people.duplicates import find_duplicates
from tapestry.people.models import (
    Address,
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationContact,
    Person,
    PersonAlias,
    Relationship,
)

pytestmark = pytest.mark.django_db

COUNTED = (
    User,
    Team,
    Person,
    PersonAlias,
    ContactPoint,
    Address,
    Household,
    HouseholdMember,
    Relationship,
    Organisation,
    OrganisationContact,
    Assignment,
    Consent,
    SegmentGrant,
    BreakGlass,
    AuditEntry,
)


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def names_digest() -> str:
    rows = Person.objects.order_by("pk").values_list("given_name", "family_name", "date_of_birth")
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


@pytest.fixture
def demo() -> str:
    return seed()


def test_second_run_changes_nothing_and_says_so(demo):
    before = counts()

    output = seed()

    assert "already loaded" in output
    assert counts() == before


def test_output_lists_every_role_login_and_the_shared_password(demo):
    for role in Role:
        assert f"  {role.value} " in demo
    assert DEMO_PASSWORD in demo


def test_every_role_has_a_named_login_with_the_demo_password(demo):
    for role in Role:
        user = User.objects.get(username=role.value)
        assert user.role == role
        assert user.first_name and user.last_name
        assert user.check_password(DEMO_PASSWORD)
    assert User.objects.filter(role=Role.CASEWORKER).count() > 1


def test_agency_has_the_promised_shape(demo):
    assert set(Team.objects.values_list("name", flat=True)) == {
        "North team",
        "South team",
        "Youth and schools",
    }
    # The core agency's people (about 120), the thread's made-up clients (28 for the needs pages, 14
    # in the signals' cluster), plus community members the groups registered (not clients).
    community = Membership.objects.filter(case__isnull=True).values("person")
    assert 110 + 42 <= Person.objects.exclude(pk__in=community).count() <= 130 + 42
    assert 10 <= Person.objects.filter(pk__in=community).count() <= 40
    assert 25 <= Household.objects.count() <= 35
    assert PersonAlias.objects.exists()
    assert Address.objects.filter(confidential=True).exists()
    assert ContactPoint.objects.filter(kind=ContactPoint.Kind.EMAIL).exists()
    kinds = set(Relationship.objects.values_list("kind", flat=True))
    assert {"parent", "partner", "sibling", "caregiver"} <= kinds
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert OrganisationContact.objects.count() >= Organisation.objects.count()


def test_supervisor_supervises_the_caseworkers(demo):
    supervisor = User.objects.get(username="supervisor")
    caseworkers = User.objects.filter(role=Role.CASEWORKER)
    assert all(worker.supervisor == supervisor for worker in caseworkers)


def test_caseworker_has_a_caseload_and_the_evaluator_sees_no_one(demo):
    caseworker = User.objects.get(username="caseworker")
    evaluator = User.objects.get(username="evaluator")

    own = Assignment.objects.filter(staff=caseworker, ended_on__isnull=True).count()

    assert 12 <= own <= 18
    assert policy.persons_visible(caseworker).count() > own  # teammates' clients too
    assert not policy.persons_visible(evaluator).exists()


def test_duplicate_detection_finds_the_planted_near_duplicates(demo):
    jon = Person.objects.get(given_name="Jon", family_name="Smyth")

    found = find_duplicates(
        given_name=jon.given_name,
        family_name=jon.family_name,
        date_of_birth=jon.date_of_birth,
        exclude_id=jon.pk,
    )

    assert Person.objects.get(given_name="John", family_name="Smith").pk in [c.person_id for c in found]


def test_sensitive_segments_are_granted_to_the_right_workers(demo):
    def segments(username: str) -> set[str]:
        return policy.segments_granted(User.objects.get(username=username))

    assert segments("child_welfare_worker") == {Segment.CHILD_WELFARE}
    assert segments("school_social_worker") == {Segment.SCHOOL}
    assert segments("caseworker") == {Segment.SUBSTANCE_USE, Segment.PSYCHOTHERAPY}
    assert segments("evaluator") == set()


def test_every_substance_use_consent_is_written_and_names_its_recipient(demo):
    consents = list(Consent.objects.filter(segment=Segment.SUBSTANCE_USE))

    assert consents
    for consent in consents:
        assert consent.written
        assert consent.recipient_organisation is not None
        assert (
            policy.consent_for_disclosure(
                person=consent.person,
                segment=Segment.SUBSTANCE_USE,
                purpose=consent.purpose,
                recipient=consent.recipient_organisation,
            )
            is not None
        )


def test_supervisor_has_the_crisis_workers_emergency_access_to_review(demo):
    supervisor = User.objects.get(username="supervisor")

    queue = list(policy.break_glass_review_queue(supervisor))

    assert [entry.user.username for entry in queue] == ["crisis_worker"]
    assert queue[0].outcome == BreakGlass.Outcome.PENDING


def test_the_load_is_recorded_once_in_the_audit_log(demo):
    seed()

    entries = AuditEntry.objects.filter(object_type="demo.agency")

    assert entries.count() == 1
    assert entries.get().actor is None


def test_two_fresh_loads_create_the_same_people():
    digests = []
    for _ in range(2):
        with transaction.atomic():
            demo_load()
            digests.append(names_digest())
            transaction.set_rollback(True)

    assert Person.objects.count() == 0
    assert digests[0] == digests[1]


def test_the_first_people_are_always_the_same(demo):
    first = list(Person.objects.order_by("pk").values_list("given_name", "family_name")[:3])

    assert first == [("Tariq", "Silva"), ("Priya", "Silva"), ("Ingrid", "Silva")]
