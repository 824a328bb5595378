"""Reminders before grant deadlines: 30 and 7 days before and when due, once each, by email to the
owner, through the background task queue (a scheduled run per deadline and a daily sweep)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from tapestry.access.models import AuditEntry, Role
from tapestry.macro.grants import services
from tapestry.macro.grants.models import DeadlineReminder
from tapestry.macro.grants.reminders import deadline_reminders_send, lead_for, reminder_dates
from tapestry.macro.grants.tasks import send_grant_reminders
from tapestry.macro.grants.tests.support import an_award
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def test_the_lead_time_reached_is_the_nearest():
    assert [lead_for(days(n), TODAY) for n in (45, 31, 30, 8, 7, 1, 0, -4)] == [
        None,
        None,
        30,
        30,
        7,
        7,
        0,
        0,
    ]
    assert reminder_dates(days(40), TODAY) == [days(10), days(33), days(40)]
    assert reminder_dates(days(5), TODAY) == [days(5)]


def test_owners_are_reminded_once_per_lead_time_and_by_email(officer):
    award = an_award(officer)
    helper = UserFactory(username="helper", email="helper@example.org")
    soon = services.deliverable_add(
        actor=officer, award=award, description="Hire a worker", due_on=days(6), owner=helper
    )
    services.deliverable_add(actor=officer, award=award, description="Far off", due_on=days(60))
    services.deliverable_add(
        actor=officer, award=award, description="Already done", due_on=days(3), done_on=days(-1)
    )
    overdue = services.report_add(actor=officer, award=award, kind="interim", due_on=days(-10))
    month = services.report_add(actor=officer, award=award, kind="financial", due_on=days(30), owner=officer)

    made = deadline_reminders_send(today=TODAY)

    got = {(r.deliverable_id, r.report_id, r.days_before, r.recipient.username) for r in made}
    assert got == {
        (soon.pk, None, 7, "helper"),
        (None, overdue.pk, 0, officer.username),  # no owner: the application's lead
        (None, month.pk, 30, officer.username),
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["helper@example.org", officer.email, officer.email]
    )
    assert any("Hire a worker" in m.subject and "due in 6 days" in m.subject for m in mail.outbox)
    assert any("is overdue" in m.subject for m in mail.outbox)

    # Run again the same day: nothing new. Three weeks on, the financial report reaches 7 days
    # and the deliverable has passed its date.
    assert deadline_reminders_send(today=TODAY) == []
    later = deadline_reminders_send(today=days(23))
    assert {(r.deliverable_id, r.report_id, r.days_before) for r in later} == {
        (soon.pk, None, 0),
        (None, month.pk, 7),
    }
    assert DeadlineReminder.objects.count() == 5


def test_a_deadline_moved_later_is_reminded_again(officer):
    award = an_award(officer)
    report = services.report_add(actor=officer, award=award, kind="final", due_on=days(5))
    deadline_reminders_send(today=TODAY)
    services.report_update(actor=officer, report=report, version=report.version, changes={"due_on": days(25)})

    again = deadline_reminders_send(today=TODAY)

    assert [(r.report_id, r.days_before, r.due_on) for r in again] == [(report.pk, 30, days(25))]


def test_the_command_and_the_background_task_send_them(officer):
    award = an_award(officer)
    today = timezone.localdate()
    services.report_add(actor=officer, award=award, kind="interim", due_on=today + dt.timedelta(days=2))
    services.report_add(actor=officer, award=award, kind="final", due_on=today + dt.timedelta(days=20))

    out = StringIO()
    call_command("send_grant_reminders", stdout=out)
    assert out.getvalue().strip() == "2 reminders sent."

    services.report_add(actor=officer, award=award, kind="narrative", due_on=today)
    result = send_grant_reminders.enqueue()
    assert result.return_value == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_saving_a_deadline_schedules_a_run_for_each_reminder_day(officer, django_capture_on_commit_callbacks):
    award = an_award(officer)
    today = timezone.localdate()
    default_task_backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.deliverable_add(
            actor=officer, award=award, description="Workshops", due_on=today + dt.timedelta(days=40)
        )

    runs = sorted(result.task.run_after.date() for result in default_task_backend.results)
    assert runs == [today + dt.timedelta(days=n) for n in (10, 33, 40)]
    assert {result.task.name for result in default_task_backend.results} == {"send_grant_reminders"}


def test_a_reminder_is_audited_and_shown_on_the_deadlines_page(officer):
    award = an_award(officer)
    report = services.report_add(
        actor=officer, award=award, kind="financial", due_on=timezone.localdate() + dt.timedelta(days=5)
    )

    (reminder,) = deadline_reminders_send()

    entry = AuditEntry.objects.filter(object_type="grants.deadlinereminder").get()
    assert (entry.actor, entry.purpose, entry.object_id) == (
        None,
        "grant deadline reminder",
        str(reminder.pk),
    )
    listed = client_for(officer).get(reverse("grants:deadline_list")).content.decode()
    assert f"{timezone.localdate():%-d %b %Y}" in listed.split(str(report.get_kind_display()))[1]
