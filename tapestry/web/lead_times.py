"""Lead times of reminders: how far ahead of a due date a reminder goes out, and which one is due now.

Shared by every app that reminds staff of a date (grant deadlines, compliance items): a date is
reminded once per lead time, and a lead time already passed is covered by the nearer one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

# Days before a due date a reminder goes out; 0 is the day it falls due (or the first run after).
LEAD_DAYS = (30, 7, 0)


def lead_for(due_on: dt.date, today: dt.date, leads: Iterable[int] = LEAD_DAYS) -> int | None:
    """The nearest lead time this date has reached today, or None while it is further off."""
    left = (due_on - today).days
    reached = [lead for lead in leads if left <= lead]
    return min(reached) if reached else None


def reminder_dates(due_on: dt.date, today: dt.date, leads: Iterable[int] = LEAD_DAYS) -> list[dt.date]:
    """The days still to come on which this date will need a reminder (a date long past has none)."""
    left = (due_on - today).days
    return sorted({due_on - dt.timedelta(days=lead) for lead in leads if left > lead})


def reminder_due(
    key: object, due_on: dt.date, today: dt.date, sent: set[tuple], leads: Iterable[int] = LEAD_DAYS
) -> int | None:
    """The lead time at which the record `key` needs a reminder today, or None: not yet reached, or
    already reminded at it or at a nearer one (`sent` holds `(key, due_on, lead)` of those sent)."""
    leads = tuple(leads)
    lead = lead_for(due_on, today, leads)
    if lead is None or any((key, due_on, near) in sent for near in leads if near <= lead):
        return None
    return lead


def when_due(due_on: dt.date, today: dt.date) -> str:
    """ "is overdue", "is due today" or "is due in N days", for a reminder's words."""
    left = (due_on - today).days
    return "is overdue" if left < 0 else "is due today" if left == 0 else f"is due in {left} days"


def schedule_reminder_runs(task: Any, due_on: dt.date | None) -> None:
    """Once the transaction commits, queue a run of the reminder `task` for each day this date will
    need one, where the task backend can run a task later (a daily command catches any it lost)."""
    if due_on is None:
        return

    def schedule() -> None:
        if not task.get_backend().supports_defer:
            return
        zone = timezone.get_current_timezone()
        for day in reminder_dates(due_on, timezone.localdate()):
            task.using(run_after=dt.datetime.combine(day, dt.time(8, 0), tzinfo=zone)).enqueue()

    transaction.on_commit(schedule)
