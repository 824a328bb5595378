"""`manage.py send_grant_reminders`: remind owners of grant deliverables and reports coming due.

Run it daily (cron or a scheduler), as a safety net beside the reminders each deadline schedules
when it is saved. `--enqueue` hands the work to the background worker instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tapestry.macro.grants.reminders import deadline_reminders_send
from tapestry.macro.grants.tasks import send_grant_reminders


class Command(BaseCommand):
    help = "Remind owners of grant deliverables and reporting deadlines 30 and 7 days before, and when due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the run for the task worker.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            result = send_grant_reminders.enqueue()
            self.stdout.write(f"Queued the reminders (task {result.id}).")
            return
        made = deadline_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"{len(made)} reminder{'s' if len(made) != 1 else ''} sent."))
