"""Remind the people following a bill that its hearing is coming (run daily; `--enqueue` hands it to the worker)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tapestry.macro.legislation.services import hearing_reminders_send
from tapestry.macro.legislation.tasks import send_hearing_reminders


class Command(BaseCommand):
    help = "Send reminders for hearings within the next three days to the bills' followers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the job for the task worker.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            result = send_hearing_reminders.enqueue()
            self.stdout.write(f"Queued ({result.id}).")
            return
        sent = len(hearing_reminders_send())
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder{'s' if sent != 1 else ''} sent."))
