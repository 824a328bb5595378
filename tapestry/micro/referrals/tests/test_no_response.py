"""Referrals the service never answers: marked no response when the deadline passes, and flagged."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.referrals import caseload, services
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tasks import mark_unanswered_referrals
from tapestry.micro.referrals.tests.helpers import a_case, sent

pytestmark = pytest.mark.django_db


def due(referral: Referral, days_from_today: int) -> Referral:
    Referral.objects.filter(pk=referral.pk).update(
        response_due_on=timezone.localdate() + dt.timedelta(days=days_from_today)
    )
    referral.refresh_from_db()
    return referral


def test_the_command_marks_only_referrals_past_their_deadline(cast):
    overdue = due(sent(cast.caseworker, a_case(cast.caseworker)), -1)
    due_today = due(sent(cast.caseworker, a_case(cast.caseworker)), 0)
    answered = due(sent(cast.caseworker, a_case(cast.caseworker)), -5)
    services.referral_status_change(
        actor=cast.caseworker, referral=answered, status="accepted", version=answered.version
    )
    out = StringIO()

    call_command("mark_unanswered_referrals", stdout=out)

    assert out.getvalue().strip() == "1 referral marked no response."
    statuses = dict(Referral.objects.values_list("pk", "status"))
    assert statuses == {overdue.pk: "no_response", due_today.pk: "sent", answered.pk: "accepted"}
    event = Referral.objects.get(pk=overdue.pk).events.last()
    assert (event.status, event.actor, event.note) == (
        "no_response",
        None,
        f"No answer by {overdue.response_due_on:%Y-%m-%d}",
    )
    entry = AuditEntry.objects.filter(object_type="referrals.referral", action="update").latest("id")
    assert (entry.actor, entry.purpose) == (None, "answer deadline passed")


def test_the_background_task_does_the_same(cast):
    overdue = due(sent(cast.caseworker, a_case(cast.caseworker)), -3)

    result = mark_unanswered_referrals.enqueue()

    assert result.return_value == 1
    overdue.refresh_from_db()
    assert overdue.status == "no_response"


def test_the_command_can_queue_the_check_for_the_worker(cast):
    due(sent(cast.caseworker, a_case(cast.caseworker)), -3)
    out = StringIO()

    call_command("mark_unanswered_referrals", "--enqueue", stdout=out)

    assert out.getvalue().startswith("Queued the check")
    assert Referral.objects.get().status == "no_response"  # the test backend runs it at once


def test_a_late_answer_still_closes_the_loop(cast):
    referral = due(sent(cast.caseworker, a_case(cast.caseworker)), -1)
    services.referrals_mark_unanswered()
    referral.refresh_from_db()

    accepted = services.referral_status_change(
        actor=cast.caseworker, referral=referral, status="accepted", version=referral.version
    )

    assert accepted.status == "accepted"


def test_the_worker_s_caseload_shows_referrals_awaiting_an_overdue_answer(cast):
    waiting = due(sent(cast.caseworker, a_case(cast.caseworker)), -2)
    unanswered = due(sent(cast.caseworker, a_case(cast.caseworker)), -4)
    services.referrals_mark_unanswered(today=timezone.localdate() - dt.timedelta(days=3))
    due(sent(cast.caseworker, a_case(cast.caseworker)), 3)  # not yet due
    due(sent(cast.teammate, a_case(cast.teammate)), -2)  # the teammate's case

    alerts = caseload.caseload_alerts(user=cast.caseworker)

    assert [(a.kind, a.case_id) for a in alerts] == [
        ("overdue_task", unanswered.case_id),
        ("overdue_task", waiting.case_id),
    ]
    assert alerts[0].title == f"No answer from {unanswered.service.name}: follow up the referral"
    assert alerts[1].title.startswith(f"Referral to {waiting.service.name} awaits an answer (due ")
    assert alerts[1].person_name == waiting.case.person.display_name
    assert alerts[1].url == f"/referrals/{waiting.pk}/"
