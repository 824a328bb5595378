"""What school social work adds to a worker's caseload page: open truancy alerts, plan reviews due."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import plan_review_alerts
from tapestry.micro.school.models import EducationSupportPlan, TruancyAlert

REVIEW_NOTICE_DAYS = 14
LIVE = [Case.Status.OPEN, Case.Status.ON_HOLD]


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """Two queries; only the user's own live cases, and nothing without the school grant."""
    alerts = [
        CaseloadAlert(
            kind="risk_flag",
            when=alert.raised_on,
            title=gettext("Truancy: %(count)s unexcused absences since %(start)s")
            % {"count": alert.unexcused_absences, "start": date_format(alert.period_start, "d M")},
            person_name=alert.student.person.display_name,
            url=reverse("school:student_detail", args=[alert.student_id]),
            case_id=alert.student.case_id,
        )
        for alert in policy.visible(
            user,
            TruancyAlert.objects.filter(
                followed_up_on__isnull=True, student__case__worker=user, student__case__status__in=LIVE
            ),
        ).select_related("student__person")
    ]
    return alerts + plan_review_alerts(
        user=user,
        plans=EducationSupportPlan.objects.all(),
        title=gettext("Education support plan review"),
        url_name="school:support_plan",
        days=REVIEW_NOTICE_DAYS,
    )
