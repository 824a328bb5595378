"""`manage.py check_truancy`: raise truancy alerts that are due; safe to run every night, or twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tapestry.micro.school.truancy import TRUANCY_THRESHOLD, TRUANCY_WINDOW_SCHOOL_DAYS, truancy_check


class Command(BaseCommand):
    help = (
        f"Raise a truancy alert for each student with {TRUANCY_THRESHOLD} or more unexcused absences in the "
        f"last {TRUANCY_WINDOW_SCHOOL_DAYS} school days. One alert per student per period; re-running adds none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", help="Check as of this day (YYYY-MM-DD); default today.")

    def handle(self, *args: Any, **options: Any) -> None:
        on = None
        if options["on"]:
            try:
                on = dt.date.fromisoformat(options["on"])
            except ValueError as exc:
                raise CommandError("Give --on as a date like 2026-03-15.") from exc
        raised = truancy_check(actor=None, on=on)
        self.stdout.write(f"{len(raised)} truancy alert{'' if len(raised) == 1 else 's'} raised.")
