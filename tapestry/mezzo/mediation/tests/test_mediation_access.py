"""Who sees a dispute: its mediators and their supervisors; everyone else gets 404 or 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import AuditEntry
from tapestry.mezzo.mediation import services
from tapestry.mezzo.mediation.models import MediationSession, Party
from tapestry.mezzo.mediation.tests.helpers import a_dispute, days_ago, with_parties
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispute(cast):
    """Mediated by the caseworker, whose supervisor is cast.supervisor."""
    dispute = a_dispute(cast.caseworker, title="Curfew at the Okoro house")
    with_parties(cast.caseworker, dispute)
    return dispute


def test_the_mediator_and_their_supervisor_see_the_dispute(cast, dispute):
    for user in (cast.caseworker, cast.supervisor):
        page = client_for(user).get(reverse("mediation:dispute_detail", args=[dispute.pk]))
        listed = client_for(user).get(reverse("mediation:dispute_list"))
        assert page.status_code == 200, user
        assert "Curfew at the Okoro house" in listed.content.decode()


def test_another_mediator_gets_404_and_does_not_see_it_listed(cast, dispute):
    for user in (cast.teammate, cast.by_role["group_facilitator"], cast.by_role["community_educator"]):
        client = client_for(user)
        assert client.get(reverse("mediation:dispute_detail", args=[dispute.pk])).status_code == 404
        assert client.get(reverse("mediation:dispute_edit", args=[dispute.pk])).status_code == 404
        assert client.get(f"/api/v1/disputes/{dispute.pk}").status_code == 404
        assert "Curfew" not in client.get(reverse("mediation:dispute_list")).content.decode()


def test_a_program_manager_may_not_reach_mediation_at_all(cast, dispute):
    client = client_for(cast.by_role["program_manager"])

    assert client.get(reverse("mediation:dispute_list")).status_code == 403
    assert client.get(reverse("mediation:dispute_detail", args=[dispute.pk])).status_code == 403
    assert client.get("/api/v1/disputes").status_code == 403


def test_a_group_facilitator_who_mediates_sees_org_and_person_parties_without_the_person_record(cast):
    facilitator = cast.by_role["group_facilitator"]
    dispute = services.dispute_create(
        actor=cast.caseworker,
        title="Club hall bookings",
        kind="organisational",
        mediators=[cast.caseworker, facilitator],
    )
    person_party, org_party, _ = with_parties(cast.caseworker, dispute)

    seen = set(policy.visible(facilitator, Party.objects.filter(dispute=dispute)))
    page = (
        client_for(facilitator).get(reverse("mediation:dispute_detail", args=[dispute.pk])).content.decode()
    )

    assert seen == {person_party, org_party}
    assert person_party.person.display_name in page and org_party.organisation.name in page
    assert not policy.persons_visible(facilitator).exists()


def test_the_policy_lets_a_partys_caseworker_see_only_the_person_row(cast, dispute):
    person_party = dispute.parties.get(person__isnull=False)
    # The person is on the caseworker's caseload; the teammate shares the team, but mediates nothing.
    visible = set(policy.visible(cast.teammate, Party.objects.all()))

    assert visible == {person_party}
    assert (
        client_for(cast.teammate).get(reverse("mediation:dispute_detail", args=[dispute.pk])).status_code
        == 404
    )


def test_sessions_are_person_level_and_reach_the_mediators(cast, dispute):
    services.session_record(actor=cast.caseworker, dispute=dispute, held_on=days_ago(1), summary="Talked.")

    assert policy.visible(cast.caseworker, MediationSession.objects.all()).count() == 1
    assert policy.visible(cast.by_role["group_facilitator"], MediationSession.objects.all()).count() == 0


def test_opening_a_dispute_and_writing_to_it_are_audited_with_field_names_only(cast, dispute):
    client_for(cast.caseworker).get(reverse("mediation:dispute_detail", args=[dispute.pk]))
    services.issue_add(actor=cast.caseworker, dispute=dispute, description="Who pays for the gate")

    view = AuditEntry.objects.filter(
        action="view", object_type="mediation.dispute", object_id=str(dispute.pk)
    ).get()
    created = AuditEntry.objects.filter(action="create", object_type="mediation.issue").get()
    parties = AuditEntry.objects.filter(action="create", object_type="mediation.party").order_by("id")
    assert view.actor == cast.caseworker and "parties" in view.fields
    assert created.fields == ["description"]
    assert "Who pays" not in str(created.fields)
    # The person party's entry names the person (for their access report); the organisation's names no one.
    person_party = dispute.parties.get(person__isnull=False)
    assert list(parties.values_list("person_id", flat=True)) == [person_party.person_id, None]


def test_opening_an_agreement_to_follow_it_up_is_audited(cast, dispute):
    agreement = services.agreement_record(
        actor=cast.caseworker, dispute=dispute, terms="Gate shut by ten.", reached_on=days_ago(2)
    )

    page = client_for(cast.caseworker).get(reverse("mediation:agreement_follow_up", args=[agreement.pk]))

    assert page.status_code == 200 and "Gate shut by ten." in page.content.decode()
    view = AuditEntry.objects.filter(
        action="view", object_type="mediation.agreement", object_id=str(agreement.pk)
    ).get()
    assert view.actor == cast.caseworker and "terms" in view.fields
    assert "Gate shut" not in str(view.fields)
