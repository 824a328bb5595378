"""What child welfare adds to a worker's caseload page: hearings soon, reports awaiting screening."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import Hearing, Report, SafetyPlan

HEARING_HORIZON = timedelta(days=14)
PLAN_REVIEW_HORIZON = timedelta(days=14)


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """On the user's own open cases: hearings in the next 14 days, safety-plan reviews due in the
    next 14 days, and reports awaiting screening (overdue once past their response priority)."""
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        return []
    now = timezone.now()
    today = timezone.localdate()
    active = [Case.Status.OPEN, Case.Status.ON_HOLD]
    alerts: list[CaseloadAlert] = []

    hearings = policy.visible(
        user,
        Hearing.objects.filter(
            case__worker=user,
            case__status__in=active,
            scheduled_at__gte=now,
            scheduled_at__lte=now + HEARING_HORIZON,
        ),
    ).select_related("case__person", "court", "child")
    for hearing in hearings:
        about = f" about {hearing.child}" if hearing.child_id else ""
        alerts.append(
            CaseloadAlert(
                kind="upcoming_review",
                when=hearing.scheduled_at,
                title=f"{hearing.get_hearing_type_display()} hearing{about} at {hearing.court}",
                person_name=hearing.case.person.display_name,
                url=reverse("child_welfare:case_index", kwargs={"case_pk": hearing.case_id}),
                case_id=hearing.case_id,
            )
        )

    plans = policy.visible(
        user,
        SafetyPlan.objects.filter(
            assessment__case__worker=user,
            assessment__case__status__in=active,
            review_on__gte=today,
            review_on__lte=today + PLAN_REVIEW_HORIZON,
        ),
    ).select_related("assessment__case__person")
    for plan in plans:
        case = plan.assessment.case
        alerts.append(
            CaseloadAlert(
                kind="upcoming_review",
                when=plan.review_on,
                title="Safety plan review",
                person_name=case.person.display_name,
                url=reverse("child_welfare:safety_detail", kwargs={"pk": plan.assessment_id}),
                case_id=case.pk,
            )
        )

    awaiting = policy.visible(
        user,
        Report.objects.filter(
            case__worker=user, case__status__in=active, screening=Report.Screening.AWAITING
        ),
    ).select_related("case__person")
    for report in awaiting:
        overdue = report.is_overdue
        alerts.append(
            CaseloadAlert(
                kind="overdue_task" if overdue else "upcoming_review",
                when=report.respond_by,
                title=f"Screen report {report.number} ({report.get_response_priority_display().lower()})",
                person_name=report.case.person.display_name,
                url=reverse("child_welfare:report_detail", kwargs={"pk": report.pk}),
                case_id=report.case_id,
            )
        )
    return alerts
