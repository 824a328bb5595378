"""Background tasks of referrals, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.micro.referrals.services import referrals_mark_unanswered


@task()
def mark_unanswered_referrals() -> int:
    """Mark referrals whose answer deadline has passed as no response; returns how many."""
    return referrals_mark_unanswered()
