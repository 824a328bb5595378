"""`manage.py seed_demo`: load the synthetic demo agency once, and print how to sign in."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import DEMO_PASSWORD, MARKER_USERNAME, demo_load, demo_loaded
from tapestry.extensions import app_modules


class Command(BaseCommand):
    help = (
        "Load the synthetic demo agency (staff for every role, clients, families, partners). Safe to re-run."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # Demo accounts share a published password: never in a real deployment.
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("The demo agency cannot be loaded when TAPESTRY_ENV=production.")
        if demo_loaded():
            self.stdout.write(f'The demo agency is already loaded (user "{MARKER_USERNAME}" exists).')
            self._extend()
            return
        summary = demo_load()
        self._extend()
        self.stdout.write(self.style.SUCCESS("Loaded the demo agency."))
        self.stdout.write(
            f"  {summary.persons} people in {summary.households} households, "
            f"{summary.relationships} relationships, {summary.organisations} organisations, "
            f"{summary.consents} consents; the caseworker holds {summary.caseload_size} people."
        )
        self.stdout.write("")
        self.stdout.write(
            f"Sign in at /accounts/login/ with any of these usernames and the password {DEMO_PASSWORD}"
        )
        width = max(len(user.username) for user in summary.staff)
        for user in summary.staff:
            self.stdout.write(
                f"  {user.username:<{width}}  {user.get_full_name()}, {user.get_role_display()}"
            )
        if not settings.TAPESTRY_DEMO_OTP_BYPASS:
            self.stdout.write(
                "Set TAPESTRY_DEMO_OTP_BYPASS=1 to skip the authenticator step, or enrol a device at first sign-in."
            )

    def _extend(self) -> None:
        """Let each app add its demo data (cases, notes, ...); each skips what it already added."""
        for module in app_modules("demo"):
            label = module.__name__.rsplit(".", 1)[0]
            with transaction.atomic():
                added = module.seed(DemoContext.load(f"{label}-2026"))
            if added:
                self.stdout.write(f"  {label}: {added}")
