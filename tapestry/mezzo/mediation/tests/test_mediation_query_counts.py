"""The dispute list and a dispute's page run the same number of queries with 5 rows as with 50.

The pinned numbers include the session and user, the policy's subqueries and the audit entry.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, MediationSession, Party
from tapestry.mezzo.mediation.tests.helpers import a_dispute, a_person_on, days_ago
from tapestry.testing import OrganisationFactory, client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def busy_dispute(cast, rows: int) -> Dispute:
    """`rows` parties (half organisations), sessions with everyone present, issues and agreements."""
    dispute = a_dispute(cast.caseworker)
    parties = []
    for n in range(rows):
        if n % 2:
            parties.append(Party.objects.create(dispute=dispute, organisation=OrganisationFactory()))
        else:
            parties.append(Party.objects.create(dispute=dispute, person=a_person_on(cast.caseworker)))
    for n in range(rows):
        session = MediationSession.objects.create(
            dispute=dispute, held_on=days_ago(1), summary=f"Session {n}"
        )
        session.present.set(parties[:3])
        issue = Issue.objects.create(dispute=dispute, description=f"Issue {n}")
        agreement = Agreement.objects.create(dispute=dispute, terms=f"Terms {n}", reached_on=days_ago(1))
        agreement.issues.set([issue])
    return dispute


@pytest.mark.parametrize("rows", SIZES)
def test_dispute_list(cast, rows, django_assert_num_queries):
    for n in range(rows):
        dispute = a_dispute(cast.caseworker, title=f"Dispute {n}")
        dispute.mediators.add(cast.teammate)
        Party.objects.create(dispute=dispute, organisation=OrganisationFactory())

    page = counted(
        client_for(cast.supervisor), reverse("mediation:dispute_list"), 10, django_assert_num_queries
    )

    assert page.content.decode().count('href="/mezzo/mediation/') - 2 == rows


@pytest.mark.parametrize("rows", SIZES)
def test_dispute_detail(cast, rows, django_assert_num_queries):
    dispute = busy_dispute(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("mediation:dispute_detail", args=[dispute.pk]),
        16,
        django_assert_num_queries,
    )

    assert page.content.decode().count("<td>Terms ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_dispute_detail_api(cast, rows, django_assert_num_queries):
    dispute = busy_dispute(cast, rows)

    response = counted(
        client_for(cast.caseworker), f"/api/v1/disputes/{dispute.pk}", 16, django_assert_num_queries
    )

    assert len(response.json()["sessions"]) == rows
