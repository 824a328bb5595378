"""Audit sign-ins and failed sign-ins."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry


@receiver(user_logged_in)
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=AuditEntry.Action.LOGIN, object_type="access.user", object_id=user.pk)


@receiver(user_login_failed)
def audit_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    audit_record(
        actor=None,
        action=AuditEntry.Action.LOGIN_FAILED,
        object_type="access.user",
        object_id=str(credentials.get("username", ""))[:64],
    )
