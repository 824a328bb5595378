"""What referrals add to a worker's caseload page: referrals whose answer is overdue."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals.models import Referral

# How long a referral the service never answered stays on the caseload page for follow-up.
NO_RESPONSE_SHOWN_DAYS = 14


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    today = timezone.localdate()
    waiting = Q(status__in=Referral.AWAITING, response_due_on__lt=today)
    unanswered = Q(
        status=Referral.Status.NO_RESPONSE,
        updated_at__gte=timezone.now() - dt.timedelta(days=NO_RESPONSE_SHOWN_DAYS),
    )
    referrals = (
        policy.visible(user, Referral.objects.filter(waiting | unanswered))
        .filter(case__worker=user, case__status__in=[Case.Status.OPEN, Case.Status.ON_HOLD])
        .select_related("service", "case__person")
        .order_by("response_due_on", "pk")
    )
    return [
        CaseloadAlert(
            kind="overdue_task",
            when=referral.response_due_on,
            title=(
                gettext("No answer from %(service)s: follow up the referral")
                % {"service": referral.service.name}
                if referral.status == Referral.Status.NO_RESPONSE
                else gettext("Referral to %(service)s awaits an answer (due %(due)s)")
                % {"service": referral.service.name, "due": f"{referral.response_due_on:%Y-%m-%d}"}
            ),
            person_name=referral.case.person.display_name,
            url=reverse("referrals:referral_detail", args=[referral.pk]),
            case_id=referral.case_id,
        )
        for referral in referrals
    ]
