"""Writes to compliance items: keep one, change it, mark it done (a recurring item then makes the next
one) or waive it with a reason.

Every write needs AGENCY_LEAD, is checked, saved and audited in one transaction; an edit states the
version it started from (a stale one is refused). Saving a due date queues the reminder runs.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.leadership.models import ComplianceItem
from tapestry.macro.leadership.tasks import send_compliance_reminders
from tapestry.web.lead_times import schedule_reminder_runs
from tapestry.web.records import create_record

ITEM_FIELDS = ("kind", "title", "owner", "due_on", "recurrence", "every_months", "notes", "evidence")
TEXT_FIELDS = ("title", "notes", "evidence")
DONE = gettext_lazy("This item is already closed; open items only can be changed this way.")


def _require(actor: User) -> None:
    policy.require_capability(actor, Capability.AGENCY_LEAD)


def _stripped(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}


def compliance_create(*, actor: User, **fields: Any) -> ComplianceItem:
    """Keep a new compliance item; `fields` are ITEM_FIELDS. Its owner is reminded before it is due."""
    _require(actor)
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    item = ComplianceItem(**_stripped(fields), created_by=actor)
    with transaction.atomic():
        create_record(actor, item, fields=tuple(fields))
        schedule_reminder_runs(send_compliance_reminders, item.due_on)
    return item


def compliance_update(
    *, actor: User, item: ComplianceItem, version: int, changes: dict[str, Any]
) -> ComplianceItem:
    """Change an open item's fields (not its status: see `compliance_done` and `compliance_waive`); a
    done or waived item is a record of what was done, and stays as it was."""
    _require(actor)
    with transaction.atomic():
        row = versioned_update(
            actor=actor,
            instance=item,
            version=version,
            changes=_stripped(changes),
            editable=ITEM_FIELDS,
            refuse=_refuse_closed,
        )
        if "due_on" in changes:
            schedule_reminder_runs(send_compliance_reminders, row.due_on)
    return row


def next_due(item: ComplianceItem) -> dt.date | None:
    """When a recurring item next falls due: a year, or its number of months, after this due date."""
    months = {ComplianceItem.Recurrence.YEARLY: 12, ComplianceItem.Recurrence.MONTHS: item.every_months}
    step = months.get(item.recurrence)
    if not step:
        return None
    index = item.due_on.year * 12 + item.due_on.month - 1 + step
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(item.due_on.day, last_day))


def _refuse_closed(current: ComplianceItem) -> None:
    if current.status != ComplianceItem.Status.OPEN:
        raise ValidationError({"status": [str(DONE)]})


def compliance_done(
    *, actor: User, item: ComplianceItem, version: int, done_on: dt.date, evidence: str = ""
) -> ComplianceItem:
    """Mark an open item done on `done_on`; a recurring one makes the next item, due a period later."""
    _require(actor)
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": [gettext("An item cannot be done on a day still to come.")]})
    changes: dict[str, Any] = {"status": ComplianceItem.Status.DONE, "done_on": done_on}
    if evidence.strip():
        changes["evidence"] = evidence.strip()
    with transaction.atomic():
        row = versioned_update(
            actor=actor,
            instance=item,
            version=version,
            changes=changes,
            editable=("status", "done_on", "evidence"),
            refuse=_refuse_closed,
        )
        due = next_due(row)
        if due is not None:
            following = ComplianceItem(
                kind=row.kind,
                title=row.title,
                owner=row.owner,
                due_on=due,
                recurrence=row.recurrence,
                every_months=row.every_months,
                notes=row.notes,
                follows=row,
                created_by=actor,
            )
            create_record(actor, following, fields=(*ITEM_FIELDS, "follows"), purpose="recurring item")
            schedule_reminder_runs(send_compliance_reminders, due)
    return row


def compliance_waive(*, actor: User, item: ComplianceItem, version: int, reason: str) -> ComplianceItem:
    """Waive an open item, saying why (a recurring item is not renewed: keep a new one if it returns)."""
    _require(actor)
    if not reason.strip():
        raise ValidationError({"reason": [gettext("Say why it is waived.")]})
    return versioned_update(
        actor=actor,
        instance=item,
        version=version,
        changes={"status": ComplianceItem.Status.WAIVED, "waived_reason": reason.strip()},
        editable=("status", "waived_reason"),
        refuse=_refuse_closed,
    )
