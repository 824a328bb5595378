"""Compliance items as a test needs them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import User
from tapestry.macro.leadership import services
from tapestry.macro.leadership.models import ComplianceItem


def an_item(actor: User, days: int = 20, **fields: object) -> ComplianceItem:
    """An open item due `days` from today (negative: overdue), kept through the service."""
    values = {
        "kind": ComplianceItem.Kind.LICENCE,
        "title": "Agency licence renewal",
        "owner": actor,
        "due_on": timezone.localdate() + dt.timedelta(days=days),
        **fields,
    }
    return services.compliance_create(actor=actor, **values)
