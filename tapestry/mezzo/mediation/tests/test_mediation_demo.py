"""Demo mediations: a neighbour dispute and a family mediation, loaded once, the same way every time."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.mezzo.mediation import demo, selectors
from tapestry.mezzo.mediation.models import Agreement, Dispute, Party
from tapestry.mezzo.mediation.tests.helpers import a_person_on
from tapestry.testing import HouseholdFactory, OrganisationFactory, add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseload(cast):
    OrganisationFactory(name="Riverton Housing Authority", kind="government")
    OrganisationFactory(name="Eastfield Youth Mentoring")
    people = [a_person_on(cast.caseworker) for _ in range(6)]
    household = HouseholdFactory()
    add_member(household, people[0], "head")
    add_member(household, people[1], "child")
    return people


def test_seed_makes_two_disputes_with_parties_from_the_caseload_and_an_organisation(cast, caseload):
    summary = demo.seed(DemoContext.load("mediation-2026"))

    assert summary == "2 disputes in mediation"
    assert set(Dispute.objects.values_list("kind", flat=True)) == {"neighbour", "family"}
    family = Dispute.objects.get(kind="family")
    assert {p.person for p in family.parties.filter(person__isnull=False)} == set(caseload[:2])
    assert Party.objects.filter(organisation__name="Riverton Housing Authority").exists()
    assert all(
        d.sessions.exists() and d.issues.exists() and d.agreements.exists() for d in Dispute.objects.all()
    )
    due = selectors.follow_ups_due(user=cast.caseworker)
    assert due.count() == 2 and any(a.follow_up_on < timezone.localdate() for a in due)


def test_seed_is_idempotent_and_deterministic(cast, caseload):
    demo.seed(DemoContext.load("mediation-2026"))
    first = sorted(Party.objects.values_list("person_id", "organisation_id", "role"), key=str)

    assert demo.seed(DemoContext.load("mediation-2026")) == ""
    assert Dispute.objects.count() == 2 and Agreement.objects.count() == 2
    Dispute.objects.all().delete()
    demo.seed(DemoContext.load("mediation-2026"))
    assert sorted(Party.objects.values_list("person_id", "organisation_id", "role"), key=str) == first


def test_seed_does_nothing_without_a_caseload(cast):
    assert demo.seed(DemoContext.load("mediation-2026")) == ""
    assert not Dispute.objects.exists()
