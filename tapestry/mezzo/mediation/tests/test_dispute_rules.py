"""Disputes: who may mediate, who sits at the table, sessions, issues, agreements, follow-up and closing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tapestry.access.errors import StaleEdit
from tapestry.mezzo.mediation import selectors, services
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, Party
from tapestry.mezzo.mediation.tests.helpers import a_dispute, a_person_on, days_ago, with_parties
from tapestry.testing import OrganisationFactory, PersonFactory, client_for

pytestmark = pytest.mark.django_db


def test_a_mediator_opens_a_dispute_from_the_form(cast):
    page = client_for(cast.caseworker).post(
        reverse("mediation:dispute_create"),
        {
            "title": "Shared driveway",
            "kind": "neighbour",
            "description": "Parking across the shared driveway.",
            "opened_on": days_ago(2).isoformat(),
            "mediators": [cast.caseworker.pk, cast.by_role["group_facilitator"].pk],
        },
    )

    dispute = Dispute.objects.get(title="Shared driveway")
    assert page.status_code == 302 and page["Location"] == reverse(
        "mediation:dispute_detail", args=[dispute.pk]
    )
    assert set(dispute.mediators.all()) == {cast.caseworker, cast.by_role["group_facilitator"]}
    assert dispute.status == "open" and dispute.version == 1


def test_a_mediator_must_hold_the_group_run_capability(cast):
    page = client_for(cast.caseworker).post(
        reverse("mediation:dispute_create"),
        {
            "title": "Shared driveway",
            "kind": "neighbour",
            "opened_on": days_ago(2).isoformat(),
            "mediators": [cast.caseworker.pk, cast.by_role["program_manager"].pk],
        },
    )

    assert page.status_code == 400
    assert "Only staff who run groups and mediations can mediate" in page.content.decode()
    assert not Dispute.objects.exists()


def test_the_opener_must_mediate_or_supervise_a_mediator(cast):
    with pytest.raises(ValidationError) as refused:
        services.dispute_create(actor=cast.teammate, title="X", kind="family", mediators=[cast.outsider])

    assert "Include yourself" in refused.value.message_dict["mediators"][0]
    # A supervisor may open one for a supervisee without mediating it.
    assert services.dispute_create(
        actor=cast.supervisor, title="X", kind="family", mediators=[cast.caseworker]
    )


def test_a_party_is_a_person_or_an_organisation_never_both(cast):
    dispute = a_dispute(cast.caseworker)
    person = a_person_on(cast.caseworker)
    organisation = OrganisationFactory()

    page = client_for(cast.caseworker).post(
        reverse("mediation:party_add", args=[dispute.pk]),
        {"person": person.pk, "organisation": organisation.pk, "role": "party"},
    )
    neither = client_for(cast.caseworker).post(
        reverse("mediation:party_add", args=[dispute.pk]), {"role": "party"}
    )

    assert page.status_code == 400 and neither.status_code == 400
    assert "exactly one of the two" in page.content.decode()
    assert not Party.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(dispute=dispute, person=person, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(dispute=dispute)


def test_person_parties_come_from_the_mediators_reach_and_sit_once(cast):
    dispute = a_dispute(cast.caseworker)
    mine, stranger = a_person_on(cast.caseworker), PersonFactory()

    page = client_for(cast.caseworker).get(reverse("mediation:party_add", args=[dispute.pk]))
    services.party_add(actor=cast.caseworker, dispute=dispute, person=mine)

    assert mine.display_name in page.content.decode()
    assert stranger.display_name not in page.content.decode()
    with pytest.raises(ValidationError, match="already at the table"):
        services.party_add(actor=cast.caseworker, dispute=dispute, person=mine, role="support")


def test_a_session_records_who_came_and_cannot_be_in_the_future(cast):
    dispute = a_dispute(cast.caseworker)
    person_party, org_party, _ = with_parties(cast.caseworker, dispute)
    other = a_dispute(cast.caseworker, title="Another")

    session = services.session_record(
        actor=cast.caseworker,
        dispute=dispute,
        held_on=days_ago(1),
        summary="Both spoke.",
        present=[person_party, org_party],
    )
    with pytest.raises(ValidationError) as future:
        services.session_record(
            actor=cast.caseworker,
            dispute=dispute,
            held_on=timezone.localdate() + dt.timedelta(days=1),
            summary="x",
        )
    with pytest.raises(ValidationError) as early:
        services.session_record(actor=cast.caseworker, dispute=dispute, held_on=days_ago(400), summary="x")
    foreign = services.party_add(actor=cast.caseworker, dispute=other, person=a_person_on(cast.caseworker))
    with pytest.raises(ValidationError) as wrong_party:
        services.session_record(
            actor=cast.caseworker, dispute=dispute, held_on=days_ago(1), summary="x", present=[foreign]
        )

    assert set(session.present.all()) == {person_party, org_party}
    assert "cannot be in the future" in future.value.message_dict["held_on"][0]
    assert "before the dispute was opened" in early.value.message_dict["held_on"][0]
    assert wrong_party.value.message_dict["present"] == ["Choose parties of this dispute."]


def test_an_agreement_settles_its_issues_and_follows_up_later(cast):
    dispute = a_dispute(cast.caseworker)
    noise = services.issue_add(actor=cast.caseworker, dispute=dispute, description="Noise after 11pm")
    gate = services.issue_add(actor=cast.caseworker, dispute=dispute, description="The broken gate")

    agreement = services.agreement_record(
        actor=cast.caseworker,
        dispute=dispute,
        terms="Quiet after 10pm on weeknights.",
        reached_on=days_ago(3),
        issues=[noise],
        follow_up_on=days_ago(3) + dt.timedelta(days=30),
    )
    noise.refresh_from_db()
    gate.refresh_from_db()
    assert (noise.status, gate.status) == ("resolved", "open")
    assert agreement.follow_up_status == "pending"

    with pytest.raises(ValidationError) as no_note:
        services.agreement_follow_up(
            actor=cast.caseworker, agreement=agreement, version=1, changes={"follow_up_status": "partly_kept"}
        )
    assert no_note.value.message_dict["follow_up_note"] == ["Say what was not kept."]

    kept = services.agreement_follow_up(
        actor=cast.caseworker,
        agreement=agreement,
        version=1,
        changes={
            "follow_up_status": "partly_kept",
            "follow_up_note": "Quiet most nights; one party in June.",
        },
    )
    assert (kept.follow_up_status, kept.followed_up_on, kept.version) == (
        "partly_kept",
        timezone.localdate(),
        2,
    )
    with pytest.raises(StaleEdit):
        services.agreement_follow_up(
            actor=cast.caseworker, agreement=agreement, version=1, changes={"follow_up_status": "kept"}
        )


def test_an_agreement_follow_up_cannot_come_before_it_was_reached(cast):
    dispute = a_dispute(cast.caseworker)

    page = client_for(cast.caseworker).post(
        reverse("mediation:agreement_add", args=[dispute.pk]),
        {
            "terms": "Quiet hours",
            "reached_on": days_ago(2).isoformat(),
            "follow_up_on": days_ago(5).isoformat(),
        },
    )

    assert page.status_code == 400
    assert "The follow-up cannot come before the agreement." in page.content.decode()


def test_a_dispute_closes_only_with_a_reason(cast):
    dispute = a_dispute(cast.caseworker)
    client = client_for(cast.caseworker)

    without = client.post(
        reverse("mediation:dispute_close", args=[dispute.pk]),
        {"status": "withdrawn", "closed_on": days_ago(0).isoformat(), "close_reason": " ", "version": 1},
    )
    with pytest.raises(ValidationError) as no_agreement:
        services.dispute_close(
            actor=cast.caseworker, dispute=dispute, version=1, status="agreement_reached", reason="Done"
        )
    closed = client.post(
        reverse("mediation:dispute_close", args=[dispute.pk]),
        {
            "status": "withdrawn",
            "closed_on": days_ago(0).isoformat(),
            "close_reason": "One neighbour moved away.",
            "version": 1,
        },
    )

    assert without.status_code == 400 and "This field is required." in without.content.decode()
    assert "Record the agreement before" in no_agreement.value.message_dict["status"][0]
    assert closed.status_code == 302
    dispute.refresh_from_db()
    assert (dispute.status, dispute.close_reason, dispute.closed_on) == (
        "withdrawn",
        "One neighbour moved away.",
        timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="it is closed"):
        services.issue_add(actor=cast.caseworker, dispute=dispute, description="Late issue")


def test_closing_through_an_update_needs_a_reason_too(cast):
    dispute = a_dispute(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        services.dispute_update(
            actor=cast.caseworker, dispute=dispute, version=1, changes={"status": "closed_no_agreement"}
        )

    assert refused.value.message_dict["close_reason"] == ["Say why the dispute is closing."]


def test_the_follow_up_list_shows_pending_agreements_that_are_due(cast):
    dispute = a_dispute(cast.caseworker)
    today = timezone.localdate()

    def agreement(terms: str, follow_up_on: dt.date | None, status: str = "pending") -> Agreement:
        return Agreement.objects.create(
            dispute=dispute,
            terms=terms,
            reached_on=days_ago(20),
            follow_up_on=follow_up_on,
            follow_up_status=status,
        )

    agreement("Overdue check", today - dt.timedelta(days=2))
    agreement("Due this week", today + dt.timedelta(days=5))
    agreement("Next quarter", today + dt.timedelta(days=90))
    agreement("Already kept", today - dt.timedelta(days=1), status="kept")
    agreement("No date", None)
    elsewhere = a_dispute(cast.outsider, title="Not mine")
    Agreement.objects.create(
        dispute=elsewhere, terms="Someone else's", reached_on=days_ago(5), follow_up_on=today
    )

    page = client_for(cast.caseworker).get(reverse("mediation:follow_ups")).content.decode()

    assert [a.terms for a in selectors.follow_ups_due(user=cast.caseworker)] == [
        "Overdue check",
        "Due this week",
    ]
    assert "Overdue check" in page and "Overdue</span>" in page and "Due this week" in page
    assert "Next quarter" not in page and "Already kept" not in page and "Someone else" not in page


def test_issue_status_changes_from_the_dispute_page(cast):
    dispute = a_dispute(cast.caseworker)
    issue = services.issue_add(actor=cast.caseworker, dispute=dispute, description="Parking")

    client_for(cast.caseworker).post(
        reverse("mediation:issue_status", args=[issue.pk]), {"status": "unresolved"}
    )

    issue.refresh_from_db()
    assert issue.status == Issue.Status.UNRESOLVED
