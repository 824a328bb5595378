"""Demo alerts: the suicide-risk alerts the demo's screens would have raised, older ones resolved, and a
home-visit concern.

The assessments demo writes its screens in bulk (without the recording service), so the alerts those
screens raise are raised here, dated with the screen. The crisis demo records its risk assessments
through the service, which raises theirs itself.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.micro.alerts.models import AlertKind, AlertSource, ClientAlert
from tapestry.micro.alerts.services import alert_raise, alert_resolve, suicide_risk_raise
from tapestry.micro.assessments.instruments import CSSRS_SCREEN, PHQ9
from tapestry.micro.assessments.models import Assessment

# A screen older than this was reviewed by a clinician long ago: its alert is resolved in the demo.
REVIEWED_AFTER = dt.timedelta(days=21)


def _raise_from_screens() -> int:
    today = timezone.localdate()
    screens = (
        Assessment.objects.filter(
            instrument__in=[PHQ9.code, CSSRS_SCREEN.code], status=Assessment.Status.FINAL
        )
        .select_related("case", "administered_by")
        .order_by("administered_on", "id")
    )
    raised = 0
    for screen in screens:
        reasons = screen.suicide_reasons
        if not reasons:
            continue
        raised_at = timezone.make_aware(dt.datetime.combine(screen.administered_on, dt.time(10, 0)))
        alert = suicide_risk_raise(
            actor=screen.administered_by,
            case=screen.case,
            reason=f"{screen.administered_on:%Y-%m-%d}: " + " ".join(reasons),
            source=AlertSource.SCREEN,
            source_id=screen.pk,
            raised_at=raised_at,
        )
        if alert is None:
            continue
        raised += 1
        if today - screen.administered_on > REVIEWED_AFTER:
            try:
                alert_resolve(
                    actor=screen.case.worker,
                    alert=alert,
                    reason="Reviewed at the next session: no current thoughts of suicide; "
                    "supports and reasons for living talked through.",
                )
            except PermissionDenied:
                pass  # the case's worker is not a clinician: the alert stays open for one
    return raised


def seed(ctx: DemoContext) -> str:
    if ClientAlert.objects.filter(source__in=[AlertSource.SCREEN, AlertSource.WORKER]).exists():
        return ""
    raised = _raise_from_screens()
    worker = ctx.staff.get("caseworker")
    people = ctx.caseload("caseworker") if worker else []
    if people:
        alert_raise(
            actor=worker,
            person=people[-1],
            kind=AlertKind.HOME_VISIT_SAFETY,
            reason="A large dog is loose in the yard; call ahead so it is shut in, and visit in pairs.",
        )
    return f"{raised} alerts from screens, {1 if people else 0} home-visit concern"
