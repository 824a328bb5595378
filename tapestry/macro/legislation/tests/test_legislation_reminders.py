"""Hearing reminders: the people following a bill are reminded before its hearing, through the task queue."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import HearingReminder
from tapestry.macro.legislation.tasks import send_hearing_reminders
from tapestry.macro.legislation.tests.support import tracked_bill
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(cast):
    return cast.by_role["community_organiser"]


def _hearing(actor, bill, days: float):
    return services.hearing_schedule(
        actor=actor, bill=bill, starts_at=timezone.now() + dt.timedelta(days=days), committee="Finance"
    )


def test_a_hearing_within_three_days_reminds_every_follower_at_once(
    organiser, cast, django_capture_on_commit_callbacks
):
    bill = tracked_bill(organiser)
    services.bill_follow(actor=cast.by_role["evaluator"], bill=bill, follow=True)

    with django_capture_on_commit_callbacks(execute=True):
        hearing = _hearing(organiser, bill, days=2)

    reminded = set(HearingReminder.objects.values_list("recipient__username", flat=True))
    assert reminded == {"community_organiser", "evaluator"}
    hearing.refresh_from_db()
    assert hearing.reminded_at is not None
    assert "HB 7 (Example State) is heard by Finance on" in HearingReminder.objects.first().message


def test_a_later_hearing_is_reminded_when_it_comes_within_reach_and_only_once(
    organiser, django_capture_on_commit_callbacks
):
    bill = tracked_bill(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        hearing = _hearing(organiser, bill, days=10)
    assert not HearingReminder.objects.exists()

    later = timezone.now() + dt.timedelta(days=8)
    first = services.hearing_reminders_send(now=later)
    again = services.hearing_reminders_send(now=later)

    assert [r.hearing for r in first] == [hearing] and again == []
    assert HearingReminder.objects.count() == 1


def test_a_past_hearing_and_a_stopped_follower_get_nothing(organiser):
    bill = tracked_bill(organiser)
    services.bill_follow(actor=organiser, bill=bill, follow=False)
    _hearing(organiser, bill, days=1)
    _hearing(organiser, tracked_bill(organiser, "HB 8"), days=-1)

    assert services.hearing_reminders_send() == []


def test_a_backend_that_can_defer_gets_the_send_three_days_before(
    organiser, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    bill = tracked_bill(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        hearing = _hearing(organiser, bill, days=10)

    queued = default_task_backend.results
    assert [result.task.name for result in queued] == ["send_hearing_reminders"]
    assert queued[0].task.run_after == hearing.starts_at - services.REMINDER_LEAD


def test_the_task_and_the_command_send_the_due_reminders(organiser):
    _hearing(organiser, tracked_bill(organiser), days=1)
    HearingReminder.objects.all().delete()

    assert send_hearing_reminders.enqueue().return_value == 1
    HearingReminder.objects.all().delete()
    out = StringIO()
    call_command("send_hearing_reminders", stdout=out)
    assert "1 reminder sent." in out.getvalue()


def test_the_reminder_shows_on_the_followers_list_page(organiser, django_capture_on_commit_callbacks):
    bill = tracked_bill(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        _hearing(organiser, bill, days=1)

    page = client_for(organiser).get(reverse("legislation:bill_list")).content.decode()

    assert "Your hearing reminders" in page and "is heard by Finance" in page
