"""What assessments add to a worker's caseload page: recent flags of screens on their visible cases.

Suicide risk is not among them: a PHQ-9 item 9 or a C-SSRS raises a client alert (tapestry.micro.alerts),
whose caseload flag stays until a clinician resolves it, instead of fading after 14 days.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.micro.assessments import selectors
from tapestry.micro.cases.hooks import CaseloadAlert

ALERT_LIMIT = 50


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """Flagged screens of the last 14 days, but not suicide risk; one query whatever the caseload."""
    alerts = []
    for assessment in selectors.recent_flags(user=user, suicide_risk=False)[:ALERT_LIMIT]:
        reason = assessment.findings[0] if assessment.findings else ""
        title = f"{assessment.name}: {assessment.total_score} ({assessment.severity_band})"
        if assessment.crisis:
            title = gettext("Crisis: %(title)s") % {"title": title}
        alerts.append(
            CaseloadAlert(
                kind="risk_flag",
                when=assessment.administered_on,
                title=f"{title}. {reason}".strip(),
                person_name=assessment.case.person.display_name,
                url=reverse("assessments:assessment_detail", kwargs={"pk": assessment.pk}),
                case_id=assessment.case_id,
            )
        )
    return alerts
