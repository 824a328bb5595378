"""Background tasks of leadership, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.macro.leadership.reminders import compliance_reminders_send


@task()
def send_compliance_reminders() -> int:
    """Remind owners of compliance items coming due or overdue; returns how many reminders."""
    return len(compliance_reminders_send())
