"""`manage.py generate_agency`: a synthetic agency of any size, for load tests and query plans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tapestry.demo.scale import DEFAULT_BATCH, AgencyNotEmpty, AgencyPlan, Progress, generate_agency


class Command(BaseCommand):
    help = (
        "Generate a synthetic agency of N persons (staff, households, cases, notes, groups, audit history) "
        "on an empty, migrated database. The same --clients, --seed and --batch give the same agency."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", type=int, required=True, help="Number of persons to create.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random draws (default 1).")
        parser.add_argument(
            "--batch",
            type=int,
            default=DEFAULT_BATCH,
            help=f"Persons per transaction (default {DEFAULT_BATCH}).",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="The day dates count back from, YYYY-MM-DD (default: today); not in the future.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        # Generated staff share the published demo password: never in a real deployment.
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("A generated agency cannot be loaded when TAPESTRY_ENV=production.")
        if options["clients"] < 1 or options["batch"] < 1:
            raise CommandError("--clients and --batch must be at least 1.")
        today = options["today"] or timezone.localdate()
        if today > timezone.localdate():
            raise CommandError(
                "--today cannot be in the future: notes and contacts would be dated after today."
            )
        plan = AgencyPlan(
            clients=options["clients"], seed=options["seed"], batch=options["batch"], today=today
        )
        # The bar redraws its line with "\r": stderr writes nothing after each text (no ending).
        self.stderr.ending = ""
        bar = None if options["no_progress"] else Progress(plan.clients, self.stderr)
        try:
            counts = generate_agency(plan, progress=bar.show if bar else None)
        except AgencyNotEmpty as error:
            raise CommandError(
                "The database already holds persons or cases; generate_agency only fills an empty, "
                "migrated database (run `manage.py flush` or use a new database)."
            ) from error
        if bar:
            bar.finish()
        width = max(len(label) for label in counts)
        self.stdout.write(f"{'model':<{width}}  {'rows':>12}")
        for label, rows in sorted(counts.items()):
            self.stdout.write(f"{label:<{width}}  {rows:>12,}")
        self.stdout.write(f"{'total':<{width}}  {sum(counts.values()):>12,}")
