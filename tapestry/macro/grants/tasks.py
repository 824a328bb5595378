"""Background tasks of grants, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.macro.grants.reminders import deadline_reminders_send


@task()
def send_grant_reminders() -> int:
    """Remind owners of grant deliverables and reports that are coming due; returns how many reminders."""
    return len(deadline_reminders_send())
