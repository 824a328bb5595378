"""Reminders: each open item is reminded once per lead time (30 days, 7 days, when due or overdue),
by email to its owner where they have one; a closed item is not; the command and the task run them."""

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
from tapestry.macro.leadership import services
from tapestry.macro.leadership.models import ComplianceReminder
from tapestry.macro.leadership.reminders import compliance_reminders_send
from tapestry.macro.leadership.tasks import send_compliance_reminders
from tapestry.macro.leadership.tests.support import an_item
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def director(cast):
    cast[Role.AGENCY_DIRECTOR].email = "director@example.org"
    cast[Role.AGENCY_DIRECTOR].save()
    return cast[Role.AGENCY_DIRECTOR]


def test_each_lead_time_is_reminded_once(director):
    item = an_item(director, due_on=days(30))

    first = compliance_reminders_send(today=TODAY)
    again = compliance_reminders_send(today=TODAY)
    week_before = compliance_reminders_send(today=days(23))
    overdue = compliance_reminders_send(today=days(31))
    overdue_again = compliance_reminders_send(today=days(40))

    assert [r.days_before for r in first] == [30]
    assert again == [] and overdue_again == []
    assert [r.days_before for r in week_before] == [7]
    assert [r.days_before for r in overdue] == [0]
    assert ComplianceReminder.objects.filter(item=item).count() == 3
    assert [m.to for m in mail.outbox] == [["director@example.org"]] * 3
    assert mail.outbox[2].subject == "Compliance: Agency licence renewal is overdue"


def test_a_lead_time_passed_unreminded_is_not_sent_late(director):
    an_item(director, due_on=days(5))

    sent = compliance_reminders_send(today=TODAY)

    assert [r.days_before for r in sent] == [7]
    assert compliance_reminders_send(today=days(1)) == []


def test_items_further_off_or_closed_are_not_reminded(director):
    an_item(director, due_on=days(31))
    done = an_item(director, due_on=days(3))
    services.compliance_done(actor=director, item=done, version=1, done_on=timezone.localdate())
    waived = an_item(director, due_on=days(-3))
    services.compliance_waive(actor=director, item=waived, version=1, reason="Not needed this year")

    assert compliance_reminders_send(today=TODAY) == []


def test_the_next_item_of_a_recurring_one_is_reminded_afresh(director):
    item = an_item(director, due_on=days(0), recurrence="yearly")
    compliance_reminders_send(today=TODAY)
    services.compliance_done(actor=director, item=item, version=1, done_on=timezone.localdate())

    later = compliance_reminders_send(today=days(365 - 30))

    assert [(r.item.follows_id, r.days_before) for r in later] == [(item.pk, 30)]


def test_an_item_without_owner_is_recorded_but_emailed_to_no_one(director):
    an_item(director, due_on=days(7), owner=None)

    sent = compliance_reminders_send(today=TODAY)

    assert [(r.recipient, r.emailed) for r in sent] == [(None, False)]
    assert mail.outbox == []


def test_the_command_and_the_task_send_them(director):
    today = timezone.localdate()
    an_item(director, due_on=today + dt.timedelta(days=2))
    an_item(director, due_on=today - dt.timedelta(days=2), title="Fire inspection")

    out = StringIO()
    call_command("send_compliance_reminders", stdout=out)
    assert out.getvalue().strip() == "2 reminders sent."

    an_item(director, due_on=today, title="Policy review")
    assert send_compliance_reminders.enqueue().return_value == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_saving_an_item_schedules_a_run_for_each_reminder_day(director, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    default_task_backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        an_item(director, due_on=today + dt.timedelta(days=40))

    runs = sorted(result.task.run_after.date() for result in default_task_backend.results)
    assert runs == [today + dt.timedelta(days=n) for n in (10, 33, 40)]
    assert {result.task.name for result in default_task_backend.results} == {"send_compliance_reminders"}


def test_a_reminder_is_audited_and_shown_on_the_items_page(director):
    item = an_item(director, due_on=timezone.localdate() + dt.timedelta(days=5))

    (reminder,) = compliance_reminders_send()

    entry = AuditEntry.objects.filter(object_type="leadership.compliancereminder").get()
    assert (entry.actor, entry.purpose, entry.object_id) == (None, "compliance reminder", str(reminder.pk))
    page = client_for(director).get(reverse("leadership:compliance_detail", args=[item.pk])).content.decode()
    assert "(7 days before)" in page
