"""What crisis work adds to a worker's caseload page: recent high risk, missed follow-ups, escalations."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.crisis.models import URGENT_LEVELS, FollowUp, RiskAssessment, RiskFinding, RiskType
from tapestry.micro.crisis.selectors import escalations_to

RISK_FLAG_DAYS = 14


def _risk_flags(user: User) -> list[CaseloadAlert]:
    """High or imminent risk other than suicide in the last two weeks on cases the user works or supervises.

    Suicide risk is flagged by its client alert (tapestry.micro.alerts), which stays until a clinician
    resolves it rather than fading after two weeks.
    """
    since = timezone.now() - timedelta(days=RISK_FLAG_DAYS)
    urgent_not_suicide = RiskFinding.objects.filter(level__in=URGENT_LEVELS).exclude(
        risk_type=RiskType.SUICIDE
    )
    assessments = (
        policy.visible(user, RiskAssessment.objects.all())
        .filter(assessed_at__gte=since, pk__in=urgent_not_suicide.values("assessment_id"))
        .exclude(case__status=Case.Status.CLOSED)
        .filter(Q(case__worker=user) | Q(case__worker__supervisor=user))
        .select_related("case__person")
        .prefetch_related(Prefetch("findings", queryset=urgent_not_suicide.order_by("id")))
    )
    return [
        CaseloadAlert(
            kind="risk_flag",
            when=assessment.assessed_at,
            title=gettext("%(level)s risk: %(risks)s")
            % {
                "level": assessment.get_highest_level_display(),
                "risks": ", ".join(f.get_risk_type_display().lower() for f in assessment.findings.all()),
            },
            person_name=assessment.case.person.display_name,
            url=reverse("crisis:risk_assessment_detail", args=[assessment.pk]),
            case_id=assessment.case_id,
        )
        for assessment in assessments
    ]


def _overdue_owned(user: User) -> list[CaseloadAlert]:
    overdue = (
        policy.visible(user, FollowUp.objects.all())
        .filter(owner=user, done_at__isnull=True, due_at__lt=timezone.now())
        .select_related("case__person")
    )
    return [
        CaseloadAlert(
            kind="overdue_task",
            when=follow_up.due_at,
            title=gettext("Overdue urgent follow-up: %(title)s") % {"title": follow_up.title},
            person_name=follow_up.case.person.display_name,
            url=reverse("crisis:follow_up_complete", args=[follow_up.pk]),
            case_id=follow_up.case_id,
        )
        for follow_up in overdue
    ]


def _escalated(user: User) -> list[CaseloadAlert]:
    alerts = []
    for escalation in escalations_to(user=user):
        follow_up = escalation.follow_up
        owner = follow_up.owner.get_full_name() or follow_up.owner.username
        if escalation.case_visible:
            person_name = follow_up.case.person.display_name
            url = reverse("crisis:case_index", args=[follow_up.case_id])
        else:
            # Escalated to every supervisor: the client may be outside this one's caseload.
            person_name = "A client outside your caseload"
            url = reverse("access:break_glass", args=[follow_up.case.person_id])
        alerts.append(
            CaseloadAlert(
                kind="overdue_task",
                when=follow_up.due_at,
                title=gettext("Escalated: %(owner)s missed “%(title)s”")
                % {"owner": owner, "title": follow_up.title},
                person_name=person_name,
                url=url,
                case_id=follow_up.case_id if escalation.case_visible else None,
            )
        )
    return alerts


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    if not policy.has_capability(user, Capability.PERSON_READ):
        return []
    return _risk_flags(user) + _overdue_owned(user) + _escalated(user)
