"""What cases add to a worker's caseload page: their cases on hold for more than 30 days."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from tapestry.access.models import User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_visible

HOLD_ALERT_DAYS = 30


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    today = timezone.localdate()
    held = (
        cases_visible(user)
        .filter(
            worker=user,
            status=Case.Status.ON_HOLD,
            on_hold_since__lt=today - timedelta(days=HOLD_ALERT_DAYS),
        )
        .select_related("person")
        .order_by("on_hold_since", "id")
    )
    return [
        CaseloadAlert(
            kind="on_hold",
            when=case.on_hold_since,
            title=ngettext(
                "%(number)s on hold for %(days)s day", "%(number)s on hold for %(days)s days", days
            )
            % {"number": case.number, "days": days}
            + (f": {case.hold_reason}" if case.hold_reason else ""),
            person_name=case.person.display_name,
            url=reverse("cases:case_detail", args=[case.pk]),
            case_id=case.pk,
        )
        for case in held
        for days in [(today - case.on_hold_since).days]
    ]
