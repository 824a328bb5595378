"""Background tasks of crisis work, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.micro.crisis.services import overdue_follow_ups_escalate


@task()
def escalate_overdue_followups() -> int:
    """Escalate every urgent follow-up missed by its deadline; returns how many were escalated now."""
    return len(overdue_follow_ups_escalate())
