"""The closed loop: sent, received, accepted or declined (with a reason), completed; nothing out of order."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.micro.referrals import services
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, directory_service, record, sent
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def change(actor, referral, status, **fields):
    referral.refresh_from_db()
    return services.referral_status_change(
        actor=actor, referral=referral, status=status, version=referral.version, **fields
    )


def test_a_referral_goes_round_the_loop_and_keeps_its_history(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))

    change(cast.caseworker, referral, "received", note="Intake has it")
    change(cast.teammate, referral, "accepted")
    done = change(cast.caseworker, referral, "completed", note="Goals met")

    assert done.status == Referral.Status.COMPLETED
    history = [(e.status, e.actor.username if e.actor else None, e.note) for e in done.events.all()]
    assert history == [
        ("draft", "caseworker", "Recorded"),
        ("sent", "caseworker", f"Answer due by {done.response_due_on:%Y-%m-%d}"),
        ("received", "caseworker", "Intake has it"),
        ("accepted", "teammate", ""),
        ("completed", "caseworker", "Goals met"),
    ]


@pytest.mark.parametrize(
    ("path", "wanted", "message"),
    [
        ([], "accepted", "A referral that is recorded, not sent cannot become accepted."),
        (
            ["received", "accepted", "completed"],
            "declined",
            "A referral that is completed cannot become declined.",
        ),
        (["accepted"], "received", "A referral that is accepted cannot become received."),
        (["declined"], "accepted", "A referral that is declined cannot become accepted."),
    ],
)
def test_steps_out_of_order_are_refused(cast, path, wanted, message):
    case = a_case(cast.caseworker)
    referral = record(cast.caseworker, case) if not path else sent(cast.caseworker, case)
    for status in path:
        change(cast.caseworker, referral, status, decline_reason="Full")

    with pytest.raises(ValidationError) as refused:
        change(cast.caseworker, referral, wanted)

    assert refused.value.message_dict == {"status": [message]}


def test_declined_needs_a_reason_and_keeps_it(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))

    with pytest.raises(ValidationError) as refused:
        change(cast.caseworker, referral, "declined", decline_reason="  ")
    declined = change(cast.caseworker, referral, "declined", decline_reason="Waiting list closed")

    assert refused.value.message_dict == {"decline_reason": ["Say why the service declined."]}
    assert declined.decline_reason == "Waiting list closed"
    assert declined.events.last().note == "Waiting list closed"


def test_no_response_cannot_be_recorded_by_hand(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))

    with pytest.raises(ValidationError) as refused:
        change(cast.caseworker, referral, "no_response")

    assert "when the answer deadline passes" in refused.value.messages[0]


def test_a_stale_version_is_refused(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))
    stale_version = referral.version
    change(cast.teammate, referral, "received")

    with pytest.raises(StaleEdit):
        services.referral_status_change(
            actor=cast.caseworker, referral=referral, status="accepted", version=stale_version
        )


def test_only_workers_who_may_change_the_case_record_answers(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))

    with pytest.raises(PermissionDenied):
        change(cast.outsider, referral, "received")


def test_a_closed_case_or_a_defunct_service_takes_no_new_referral(cast):
    case = a_case(cast.caseworker)
    case.status, case.closing_reason = "closed", "goals_met"
    case.save()

    defunct = directory_service(name="Old pantry", needs=("food-insecurity",))
    defunct.status = "defunct"
    defunct.save()

    with pytest.raises(ValidationError) as closed:
        record(cast.caseworker, case)
    with pytest.raises(ValidationError) as gone:
        record(cast.caseworker, a_case(cast.caseworker), defunct)

    assert closed.value.message_dict["__all__"] == ["This case is closed; reopen it to refer the person."]
    assert gone.value.message_dict == {"service": ["This service is defunct; choose another."]}


def test_the_page_records_an_answer_and_shows_errors_by_the_field(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))
    client = client_for(cast.caseworker)
    url = reverse("referrals:referral_status", args=[referral.pk])

    refused = client.post(url, {"status": "declined", "decline_reason": "", "version": referral.version})
    accepted = client.post(url, {"status": "accepted", "version": referral.version}, follow=True)

    assert refused.status_code == 400
    assert 'id="id_decline_reason_error"' in refused.content.decode()
    assert "Referral marked accepted." in accepted.content.decode()
    assert Referral.objects.get().status == "accepted"


def test_the_page_offers_only_the_next_steps(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))
    change(cast.caseworker, referral, "accepted")

    text = (
        client_for(cast.caseworker)
        .get(reverse("referrals:referral_detail", args=[referral.pk]))
        .content.decode()
    )

    assert '<option value="completed">Completed</option>' in text
    assert '<option value="declined">' not in text


def test_a_stale_page_gets_a_conflict_message_not_an_overwrite(cast):
    referral = sent(cast.caseworker, a_case(cast.caseworker))
    change(cast.teammate, referral, "received")

    response = client_for(cast.caseworker).post(
        reverse("referrals:referral_status", args=[referral.pk]),
        {"status": "accepted", "version": referral.version},
    )

    assert response.status_code == 400
    assert "Someone else changed this record" in response.content.decode()
    assert Referral.objects.get().status == "received"
