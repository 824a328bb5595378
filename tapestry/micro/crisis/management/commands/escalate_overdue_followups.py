"""`manage.py escalate_overdue_followups`: raise missed urgent follow-ups to supervisors (run every 15 minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tapestry.micro.crisis.services import overdue_follow_ups_escalate


class Command(BaseCommand):
    help = (
        "Escalate every urgent follow-up not done by its deadline to the owner's supervisor "
        "(or every supervisor if the owner has none). Safe to re-run: each miss is escalated once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        made = overdue_follow_ups_escalate()
        for escalation in made:
            names = ", ".join(user.username for user in escalation.recipients.all())
            self.stdout.write(f"  follow-up {escalation.follow_up_id} escalated to {names or 'nobody'}")
        self.stdout.write(self.style.SUCCESS(f"{len(made)} overdue follow-up(s) escalated."))
