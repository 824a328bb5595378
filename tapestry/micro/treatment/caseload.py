"""What treatment adds to a worker's caseload page: plan reviews due and medication stopped or missed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import plan_review_alerts
from tapestry.micro.treatment.models import MedicationCheckin, TreatmentPlan

REVIEW_NOTICE_DAYS = 14
RISK_LOOKBACK_DAYS = 30
LIVE = [Case.Status.OPEN, Case.Status.ON_HOLD]


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """Two queries; only the user's own live cases, and substance use only with its grant."""
    alerts = plan_review_alerts(
        user=user,
        plans=TreatmentPlan.objects.all(),
        title=gettext("Treatment plan review"),
        url_name="treatment:case_index",
        days=REVIEW_NOTICE_DAYS,
    )
    recent = policy.visible(
        user,
        MedicationCheckin.objects.filter(
            checked_on__gte=timezone.localdate() - dt.timedelta(days=RISK_LOOKBACK_DAYS),
            case__worker=user,
            case__status__in=LIVE,
        ),
    ).select_related("case__person")
    # Only the latest check-in of each medication counts: taking it again clears the flag.
    latest: dict[tuple[int, str], MedicationCheckin] = {}
    for checkin in recent.order_by("-checked_on", "-id"):
        latest.setdefault((checkin.case_id, checkin.medication.casefold()), checkin)
    alerts += [
        CaseloadAlert(
            kind="risk_flag",
            when=checkin.checked_on,
            title=f"{checkin.medication}: {checkin.get_adherence_display().lower()}",
            person_name=checkin.case.person.display_name,
            url=reverse("treatment:case_index", args=[checkin.case_id]),
            case_id=checkin.case_id,
        )
        for checkin in latest.values()
        if checkin.adherence in MedicationCheckin.CONCERNING
    ]
    return alerts
