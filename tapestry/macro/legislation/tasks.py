"""Background tasks of legislation tracking, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.macro.legislation.services import hearing_reminders_send


@task()
def send_hearing_reminders() -> int:
    """Remind the followers of every bill heard within the reminder lead time; returns how many were sent."""
    return len(hearing_reminders_send())
