"""Demo supervision: a session each supervisor held with each worker they supervise, one of them overdue,
so the team workload shows supervision due as well as on time."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.access.models import Role, User
from tapestry.demo.context import DemoContext
from tapestry.micro.supervision.models import SupervisionSession
from tapestry.micro.supervision.services import supervision_record


def seed(ctx: DemoContext) -> str:
    if SupervisionSession.objects.exists():
        return ""
    today = timezone.localdate()
    recorded = 0
    for supervisor in User.objects.filter(role=Role.SUPERVISOR, is_active=True).order_by("pk"):
        for number, worker in enumerate(
            User.objects.filter(supervisor=supervisor, is_active=True).order_by("pk")
        ):
            # Every other worker's session is long past its next date: supervision is due.
            held = today - timedelta(days=40 if number % 2 else 7 + ctx.rng.randint(0, 5))
            supervision_record(
                actor=supervisor, worker=worker, held_on=held, next_due_on=held + timedelta(days=28)
            )
            recorded += 1
    return f"{recorded} supervision sessions" if recorded else ""
