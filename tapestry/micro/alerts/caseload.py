"""What alerts add to a worker's caseload page: every open suicide-risk alert on the cases they work or supervise.

The caseload's risk flag for suicide comes from here, so it clears when a clinician resolves the alert
(and not before: a later clean screen does not clear it).
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.alerts.selectors import open_suicide_risk
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.crisis.reasons import shown_reason


def caseload_alerts(*, user: User) -> list[CaseloadAlert]:
    """One query whatever the caseload (and one for the user's segment grants)."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        return []
    alerts = open_suicide_risk(user).filter(Q(case__worker=user) | Q(case__worker__supervisor=user))
    return [
        CaseloadAlert(
            kind="risk_flag",
            when=alert.raised_at,
            title=gettext("Suicide risk, open until a clinician resolves it. %(reason)s")
            % {"reason": shown_reason(alert.reason)},
            person_name=alert.person.display_name,
            url=reverse("alerts:person_alerts", kwargs={"person_pk": alert.person_id}),
            case_id=alert.case_id,
        )
        for alert in alerts
    ]
