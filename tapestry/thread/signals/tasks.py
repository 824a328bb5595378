"""Background task of signals, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.thread.signals import services


@task()
def find_signals(period: str | None = None) -> dict[str, object]:
    """Run the escalation rule for the period (the current one by default); returns what it did."""
    run = services.find_signals(period=period)
    return {
        "period": run.period,
        "tested": run.tested,
        "found": run.found,
        "created": run.created,
        "updated": run.updated,
    }
