"""`manage.py find_signals`: run the escalation rule for a period (the current one by default).

Run it nightly (cron or a systemd timer; see docs/thread-signals.md). A second run for the same
period updates the signals it finds again and never duplicates one. `--enqueue` hands the run to
the background worker instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tapestry.thread.signals import services
from tapestry.thread.signals.tasks import find_signals


class Command(BaseCommand):
    help = "Find escalation signals: clusters of unmet needs or barriers by area, and unanswered referrals."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the run for the task worker.")
        parser.add_argument(
            "--period", default=None, help="The period to test, e.g. 2026-Q3 (or 2026-09 by month)."
        )

    def handle(self, *args: Any, enqueue: bool = False, period: str | None = None, **options: Any) -> None:
        if enqueue:
            result = find_signals.enqueue(period=period)
            self.stdout.write(f"Queued the run (task {result.id}).")
            return
        try:
            run = services.find_signals(period=period)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.period}: {run.tested} tested, {run.found} signals ({run.created} new, {run.updated} updated)."
            )
        )
