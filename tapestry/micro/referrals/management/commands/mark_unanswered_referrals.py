"""`manage.py mark_unanswered_referrals`: mark sent referrals past their answer deadline as no response.

Run it daily (cron or a scheduler). `--enqueue` hands the work to the background worker instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tapestry.micro.referrals.services import referrals_mark_unanswered
from tapestry.micro.referrals.tasks import mark_unanswered_referrals


class Command(BaseCommand):
    help = "Mark referrals whose answer deadline has passed as 'no response', so workers follow them up."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the check for the task worker.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            result = mark_unanswered_referrals.enqueue()
            self.stdout.write(f"Queued the check (task {result.id}).")
            return
        marked = referrals_mark_unanswered()
        self.stdout.write(
            self.style.SUCCESS(f"{marked} referral{'s' if marked != 1 else ''} marked no response.")
        )
