"""Reminders before compliance items fall due: which open items are due soon, and telling their owners.

Run by the system (the `send_compliance_reminders` command or its background task), not a user. Each
item is reminded once per lead time (30 days, 7 days, and once when it is due or overdue) for each
due date it has; a reminder is a row (shown on the item's page) and an email to the owner where they
have one. An item with no owner is reminded to no one, but the row still records that it came due.
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
from tapestry.macro.leadership.models import ComplianceItem, ComplianceReminder
from tapestry.web.lead_times import LEAD_DAYS, reminder_due


def _message(item: ComplianceItem, today: dt.date) -> tuple[str, str]:
    """The subject and body, in the language active where it is called (the owner's)."""
    left = (item.due_on - today).days
    names = {
        "title": item.title,
        "kind": item.get_kind_display(),
        "date": formats.date_format(item.due_on, "d F Y"),
        "days": left,
    }
    if left < 0:
        subject = gettext("Compliance: %(title)s is overdue") % names
        body = gettext("%(kind)s: %(title)s is overdue, on %(date)s.") % names
    elif left == 0:
        subject = gettext("Compliance: %(title)s is due today") % names
        body = gettext("%(kind)s: %(title)s is due today, on %(date)s.") % names
    else:
        subject = (
            ngettext(
                "Compliance: %(title)s is due in %(days)s day",
                "Compliance: %(title)s is due in %(days)s days",
                left,
            )
            % names
        )
        body = (
            ngettext(
                "%(kind)s: %(title)s is due in %(days)s day, on %(date)s.",
                "%(kind)s: %(title)s is due in %(days)s days, on %(date)s.",
                left,
            )
            % names
        )
    return subject, body + "\n\n" + gettext("See the compliance items in Tapestry.")


def _remind(item: ComplianceItem, lead: int, today: dt.date) -> ComplianceReminder | None:
    reminder = ComplianceReminder(item=item, days_before=lead, due_on=item.due_on, recipient=item.owner)
    try:
        with transaction.atomic():
            reminder.save()
            audit_record(
                actor=None,
                action=AuditEntry.Action.CREATE,
                obj=reminder,
                fields=["item", "days_before", "recipient"],
                purpose="compliance reminder",
            )
    except IntegrityError:
        return None  # another run reminded of it first
    owner = item.owner
    if owner is not None and owner.email:
        with translation.override(owner.language or settings.LANGUAGE_CODE):
            subject, body = _message(item, today)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email], fail_silently=True)
        ComplianceReminder.objects.filter(pk=reminder.pk).update(emailed=True)
        reminder.emailed = True
    return reminder


def compliance_reminders_send(*, today: dt.date | None = None) -> list[ComplianceReminder]:
    """Remind the owner of every open item that has reached a lead time and has not yet been
    reminded at it (or at a nearer one); safe to run as often as you like."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=max(LEAD_DAYS))
    items = ComplianceItem.objects.filter(
        status=ComplianceItem.Status.OPEN, due_on__lte=horizon
    ).select_related("owner")
    sent = set(ComplianceReminder.objects.values_list("item_id", "due_on", "days_before"))
    made = []
    for item in items:
        lead = reminder_due(item.pk, item.due_on, today, sent)
        if lead is None:
            continue
        reminder = _remind(item, lead, today)
        if reminder is not None:
            made.append(reminder)
    return made
