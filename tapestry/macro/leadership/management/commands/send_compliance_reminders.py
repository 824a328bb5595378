"""`manage.py send_compliance_reminders`: remind owners of compliance items coming due or overdue.

Run it daily (cron or a scheduler), as a safety net beside the runs each due date schedules when it
is saved. `--enqueue` hands the work to the background worker instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tapestry.macro.leadership.reminders import compliance_reminders_send
from tapestry.macro.leadership.tasks import send_compliance_reminders


class Command(BaseCommand):
    help = "Remind owners of compliance items 30 and 7 days before they are due, and when due or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the run for the task worker.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            result = send_compliance_reminders.enqueue()
            self.stdout.write(f"Queued the reminders (task {result.id}).")
            return
        made = compliance_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"{len(made)} reminder{'s' if len(made) != 1 else ''} sent."))
