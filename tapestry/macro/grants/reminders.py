"""Reminders before grant deadlines: which deliverables and reports are due soon, and telling their owners.

Run by the system (the `send_grant_reminders` command or its background task), not a user. Each
deadline is reminded once per lead time (30 days, 7 days, and once when it is due or overdue);
a reminder is a row (shown on the deadlines page) and an email to the owner where they have one.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry
from tapestry.macro.grants.models import DeadlineReminder, Deliverable, ReportingDeadline
from tapestry.web.lead_times import LEAD_DAYS, lead_for, reminder_dates, reminder_due

__all__ = ["LEAD_DAYS", "deadline_reminders_send", "lead_for", "reminder_dates"]


def _message(what: str, due_on: dt.date, today: dt.date, award: str) -> tuple[str, str]:
    """The subject and body, in the language active where it is called (the recipient's)."""
    left = (due_on - today).days
    names = {"what": what, "award": award, "date": formats.date_format(due_on, "d F Y"), "days": left}
    if left < 0:
        subject = gettext("Grant deadline: %(what)s is overdue") % names
        body = gettext("%(what)s (%(award)s) is overdue, on %(date)s.") % names
    elif left == 0:
        subject = gettext("Grant deadline: %(what)s is due today") % names
        body = gettext("%(what)s (%(award)s) is due today, on %(date)s.") % names
    else:
        subject = (
            ngettext(
                "Grant deadline: %(what)s is due in %(days)s day",
                "Grant deadline: %(what)s is due in %(days)s days",
                left,
            )
            % names
        )
        body = (
            ngettext(
                "%(what)s (%(award)s) is due in %(days)s day, on %(date)s.",
                "%(what)s (%(award)s) is due in %(days)s days, on %(date)s.",
                left,
            )
            % names
        )
    return subject, body + "\n\n" + gettext("See the upcoming grant deadlines in Tapestry.")


def _remind(row: Deliverable | ReportingDeadline, lead: int, today: dt.date) -> DeadlineReminder | None:
    application = row.award.application
    recipient = row.owner or application.lead
    key = "deliverable" if isinstance(row, Deliverable) else "report"
    reminder = DeadlineReminder(**{key: row}, days_before=lead, due_on=row.due_on, recipient=recipient)
    try:
        with transaction.atomic():
            reminder.save()
            audit_record(
                actor=None,
                action=AuditEntry.Action.CREATE,
                obj=reminder,
                fields=[key, "days_before", "recipient"],
                purpose="grant deadline reminder",
            )
    except IntegrityError:
        return None  # another run reminded of it first
    if recipient is not None and recipient.email:
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            subject, body = _message(str(row), row.due_on, today, str(application))
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email], fail_silently=True)
        DeadlineReminder.objects.filter(pk=reminder.pk).update(emailed=True)
        reminder.emailed = True
    return reminder


def deadline_reminders_send(*, today: dt.date | None = None) -> list[DeadlineReminder]:
    """Remind the owner of every open deliverable and unsent report that has reached a lead time
    and has not yet been reminded at it; safe to run as often as you like."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=max(LEAD_DAYS))
    made: list[DeadlineReminder] = []
    related = ("award__application__lead", "owner")
    deliverables = Deliverable.objects.filter(done_on__isnull=True, due_on__lte=horizon).select_related(
        *related
    )
    reports = ReportingDeadline.objects.filter(submitted_on__isnull=True, due_on__lte=horizon).select_related(
        *related
    )
    sent_deliverables = set(
        DeadlineReminder.objects.filter(deliverable__isnull=False).values_list(
            "deliverable_id", "due_on", "days_before"
        )
    )
    sent_reports = set(
        DeadlineReminder.objects.filter(report__isnull=False).values_list(
            "report_id", "due_on", "days_before"
        )
    )
    for rows, sent in ((deliverables, sent_deliverables), (reports, sent_reports)):
        for row in rows:
            # A lead time already covered by a nearer reminder is not sent late.
            lead = reminder_due(row.pk, row.due_on, today, sent)
            if lead is None:
                continue
            reminder = _remind(row, lead, today)
            if reminder is not None:
                made.append(reminder)
    return made
