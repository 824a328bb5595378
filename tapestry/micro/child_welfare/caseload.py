"""What child welfare adds to a worker's caseload page: what is due soon and what is overdue.

Hearings soon and hearings held with no outcome; safety-plan reviews due or overdue, and a
conditionally safe finding with no plan; reports awaiting screening, and screened-in reports with no
investigation started within their response time; and the federal clocks of each child in care.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare import clocks
from tapestry.micro.child_welfare.models import (
    Hearing,
    Placement,
    Report,
    SafetyAssessment,
    TerminationReview,
)
from tapestry.micro.child_welfare.views.form import _index

HEARING_HORIZON = timedelta(days=14)
PLAN_REVIEW_HORIZON = timedelta(days=14)
ACTIVE = [Case.Status.OPEN, Case.Status.ON_HOLD]


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """Child-welfare alerts on the user's own open cases, in a fixed number of queries."""
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        return []
    hearings = _hearings(user)
    return [
        *_hearing_alerts(hearings),
        *_safety_alerts(user),
        *_report_alerts(user),
        *_clock_alerts(user, hearings),
    ]


def _alert(kind: str, case: Case, when: date | datetime, title: str, url: str) -> CaseloadAlert:
    """An alert about `case`, under the name of the person the case is about."""
    return CaseloadAlert(
        kind=kind, when=when, title=title, person_name=case.person.display_name, url=url, case_id=case.pk
    )


def _about(child_id: int | None, child: object, case: Case) -> str:
    return (
        " " + gettext("about %(child)s") % {"child": child} if child_id and child_id != case.person_id else ""
    )


# Court ------------------------------------------------------------------------------------------


def _hearings(user: User) -> list[Hearing]:
    """Hearings in the next 14 days, past ones with no outcome, and the adjudication and permanency
    hearings held (for the clocks)."""
    now = timezone.now()
    wanted = (
        Q(scheduled_at__gte=now, scheduled_at__lte=now + HEARING_HORIZON)
        | Q(scheduled_at__lt=now, outcome="")
        | Q(hearing_type__in=[Hearing.Type.ADJUDICATION, Hearing.Type.PERMANENCY], scheduled_at__lt=now)
    )
    mine = Hearing.objects.filter(case__worker=user, case__status__in=ACTIVE).filter(wanted)
    return list(policy.visible(user, mine).select_related("case__person", "court", "child"))


def _hearing_alerts(hearings: list[Hearing]) -> list[CaseloadAlert]:
    now = timezone.now()
    alerts = []
    for hearing in hearings:
        case = hearing.case
        about = _about(hearing.child_id, hearing.child, case)
        kind = hearing.get_hearing_type_display()
        if hearing.scheduled_at >= now and hearing.scheduled_at <= now + HEARING_HORIZON:
            alerts.append(
                _alert(
                    "upcoming_review",
                    case,
                    hearing.scheduled_at,
                    gettext("%(kind)s hearing%(about)s at %(court)s")
                    % {"kind": kind, "about": about, "court": hearing.court},
                    _index(case.pk),
                )
            )
        elif hearing.scheduled_at < now and not hearing.outcome.strip():
            alerts.append(
                _alert(
                    "overdue_task",
                    case,
                    hearing.scheduled_at,
                    gettext("Record the outcome of the %(kind)s hearing%(about)s")
                    % {"kind": kind.lower(), "about": about},
                    reverse("child_welfare:hearing_outcome", kwargs={"pk": hearing.pk}),
                )
            )
    return alerts


# Safety -----------------------------------------------------------------------------------------


def _safety_alerts(user: User) -> list[CaseloadAlert]:
    """From each case's latest assessment only: an earlier plan was replaced by a later finding."""
    today = timezone.localdate()
    later = SafetyAssessment.objects.filter(case=OuterRef("case")).filter(
        Q(assessed_on__gt=OuterRef("assessed_on"))
        | Q(assessed_on=OuterRef("assessed_on"), pk__gt=OuterRef("pk"))
    )
    latest = (
        SafetyAssessment.objects.filter(
            case__worker=user,
            case__status__in=ACTIVE,
            decision__in=[SafetyAssessment.Decision.CONDITIONALLY_SAFE, SafetyAssessment.Decision.UNSAFE],
        )
        .exclude(Exists(later))
        .select_related("case__person", "plan")
    )
    alerts = []
    for assessment in policy.visible(user, latest):
        case = assessment.case
        url = reverse("child_welfare:safety_detail", kwargs={"pk": assessment.pk})
        plan = getattr(assessment, "plan", None)
        if plan is None:
            if assessment.decision == SafetyAssessment.Decision.CONDITIONALLY_SAFE:
                alerts.append(
                    _alert(
                        "overdue_task",
                        case,
                        assessment.assessed_on,
                        gettext("Conditionally safe with no safety plan: make the plan"),
                        url,
                    )
                )
        elif plan.review_on < today:
            alerts.append(
                _alert(
                    "overdue_task",
                    case,
                    plan.review_on,
                    gettext("Safety plan review overdue (due %(review_on)s)")
                    % {"review_on": format(plan.review_on, "%Y-%m-%d")},
                    url,
                )
            )
        elif plan.review_on <= today + PLAN_REVIEW_HORIZON:
            alerts.append(_alert("upcoming_review", case, plan.review_on, gettext("Safety plan review"), url))
    return alerts


# Reports ----------------------------------------------------------------------------------------


def _report_alerts(user: User) -> list[CaseloadAlert]:
    """Reports awaiting screening, and screened-in reports whose investigation has not started;
    each overdue once past its response time."""
    reports = policy.visible(
        user,
        Report.objects.filter(
            case__worker=user,
            case__status__in=ACTIVE,
            screening__in=[Report.Screening.AWAITING, Report.Screening.SCREENED_IN],
            investigation__isnull=True,
        ),
    ).select_related("case__person")
    now = timezone.now()
    alerts = []
    for report in reports:
        priority = report.get_response_priority_display().lower()
        if report.screening == Report.Screening.AWAITING:
            title = gettext("Screen report %(number)s (%(priority)s)") % {
                "number": report.number,
                "priority": priority,
            }
        else:
            title = gettext("Start the investigation of report %(number)s (%(priority)s)") % {
                "number": report.number,
                "priority": priority,
            }
        alerts.append(
            _alert(
                "overdue_task" if report.respond_by < now else "upcoming_review",
                report.case,
                report.respond_by,
                title,
                reverse("child_welfare:report_detail", kwargs={"pk": report.pk}),
            )
        )
    return alerts


# The federal clocks of children in care -----------------------------------------------------------


def _clock_alerts(user: User, hearings: list[Hearing]) -> list[CaseloadAlert]:
    in_care = Placement.objects.filter(case=OuterRef("case"), child=OuterRef("child"), ended_on__isnull=True)
    # The latest TPR decision rides on each placement row: one read through the policy, not two.
    reviewed = TerminationReview.objects.filter(case=OuterRef("case"), child=OuterRef("child")).order_by(
        "-decided_on", "-pk"
    )
    placements = list(
        policy.visible(
            user,
            Placement.objects.filter(case__worker=user, case__status__in=ACTIVE).filter(Exists(in_care)),
        )
        .select_related("case__person", "child")
        .annotate(tpr_decided_on=Subquery(reviewed.values("decided_on")[:1]))
    )
    reviews = {
        (p.case_id, p.child_id): TerminationReview(
            pk=0, case_id=p.case_id, child_id=p.child_id, decided_on=p.tpr_decided_on
        )
        for p in placements
        if p.tpr_decided_on
    }
    found = clocks.child_clocks(
        placements=placements, hearings=hearings, reviews=reviews.values(), today=timezone.localdate()
    )
    alerts = []
    for clock in found:
        case = clock.placement.case
        about = _about(clock.child.pk, clock.child, case)
        if clock.permanency_status:
            alerts.append(
                _alert(
                    "overdue_task" if clock.permanency_status == "overdue" else "upcoming_review",
                    case,
                    clock.permanency_hearing_due,
                    gettext("Permanency hearing%(about)s due by %(permanency_hearing_due)s")
                    % {
                        "about": about,
                        "permanency_hearing_due": format(clock.permanency_hearing_due, "%Y-%m-%d"),
                    },
                    _index(case.pk),
                )
            )
        if clock.tpr_status:
            reached = "since" if clock.tpr_reached else "from"
            alerts.append(
                _alert(
                    "overdue_task" if clock.tpr_status == "overdue" else "upcoming_review",
                    case,
                    clock.tpr_due,
                    (
                        gettext(
                            "15 of the last 22 months in care%(about)s %(reached)s %(tpr_due)s: file a TPR petition or record the exception"
                        )
                        % {"about": about, "reached": reached, "tpr_due": format(clock.tpr_due, "%Y-%m-%d")}
                    ),
                    _index(case.pk),
                )
            )
    return alerts
