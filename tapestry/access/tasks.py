"""Background tasks of access, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.access.audit import chain_check_run
from tapestry.access.models import ChainCheck


@task()
def audit_chain_check(check_id: int) -> bool:
    """Walk the whole audit chain; it reads every entry, so it runs off the request path."""
    return chain_check_run(ChainCheck.objects.get(pk=check_id)).ok
