"""Writes of client alerts: raise a suicide-risk alert from a screen or risk assessment, raise a
worker's concern, resolve an alert with a reason."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.alerts.models import RAISED_BY_HAND, AlertKind, AlertSource, ClientAlert
from tapestry.micro.cases.models import Case
from tapestry.people.models import Person
from tapestry.web.records import create_record, update_record

REASON_MAX = 1000
RESOLVE_REFUSAL = gettext_lazy("Only a clinician working with this client may resolve an alert.")
RAISE_REFUSAL = gettext_lazy("You may raise alerts only about clients in your caseload or team.")


def suicide_risk_raise(
    *,
    actor: User,
    case: Case,
    reason: str,
    source: str,
    source_id: int,
    raised_at: datetime | None = None,
) -> ClientAlert | None:
    """Raise a suicide-risk alert from a screen or a risk assessment just recorded on `case`.

    The caller is the recording service, which has checked that `actor` may write to the case and
    runs this inside its own transaction, so the alert stands or falls with its source. A source
    raises one alert only (`raised_at` is when the source found the risk: now by default); an alert stays open until a clinician resolves it with a reason (a later
    clean screen does not clear it).
    """
    if ClientAlert.objects.filter(source=source, source_id=source_id, kind=AlertKind.SUICIDE_RISK).exists():
        return None
    alert = ClientAlert(
        person_id=case.person_id,
        case=case,
        kind=AlertKind.SUICIDE_RISK,
        segment=case.segment,
        reason=reason[:REASON_MAX],
        source=source,
        source_id=source_id,
        raised_at=raised_at or timezone.now(),
        raised_by=actor,
    )
    return create_record(
        actor,
        alert,
        clean=False,
        person_id=case.person_id,
        fields=["kind", "reason", "source"],
        purpose="suicide-risk alert raised automatically",
    )


def alert_raise(
    *, actor: User, person: Person, kind: str, reason: str, case: Case | None = None
) -> ClientAlert:
    """A worker raises a concern that is recorded nowhere else (a safety concern for home visits, a legal hold)."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.can_change_person(actor, person):
        raise PermissionDenied(RAISE_REFUSAL)
    errors: dict[str, list[str]] = {}
    if kind not in RAISED_BY_HAND:
        allowed = ", ".join(str(k.label).lower() for k in RAISED_BY_HAND)
        errors["kind"] = [gettext("Choose what kind of concern this is: %(allowed)s.") % {"allowed": allowed}]
    reason = reason.strip()
    if not reason:
        errors["reason"] = [gettext("Say why you raise this alert, so the next worker can judge it.")]
    elif len(reason) > REASON_MAX:
        errors["reason"] = [gettext("Keep the reason to %(max)s characters.") % {"max": REASON_MAX}]
    if case is not None and case.person_id != person.pk:
        errors["case_id"] = [gettext("This case is about someone else.")]
    if errors:
        raise ValidationError(errors)
    alert = ClientAlert(
        person=person,
        case=case,
        kind=kind,
        segment=case.segment if case is not None else "",
        reason=reason,
        source=AlertSource.WORKER,
        raised_by=actor,
    )
    return create_record(actor, alert, clean=False, person_id=person.pk, fields=["kind", "reason", "case"])


def alert_resolve(*, actor: User, alert: ClientAlert, reason: str) -> ClientAlert:
    """Close an alert with the clinician's reason; the alert stays on file, with who resolved it and when."""
    policy.require_capability(actor, Capability.ALERT_RESOLVE)
    if not policy.can_change_person(actor, alert.person):
        raise PermissionDenied(RESOLVE_REFUSAL)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": [gettext("Say why the alert can be resolved (for example, what a review found).")]}
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [gettext("Keep the reason to %(max)s characters.") % {"max": REASON_MAX}]}
        )
    with transaction.atomic():
        current = ClientAlert.objects.select_for_update().get(pk=alert.pk)
        if current.resolved_at is not None:
            raise ValidationError({"reason": [gettext("This alert is already resolved.")]})
        current.resolved_at = timezone.now()
        current.resolved_by = actor
        current.resolution_reason = reason
        update_record(
            actor,
            current,
            columns=["resolved_at", "resolved_by", "resolution_reason"],
            person_id=current.person_id,
        )
    alert.resolved_at, alert.resolved_by, alert.resolution_reason = (
        current.resolved_at,
        actor,
        current.resolution_reason,
    )
    return alert


def alerts_resolve_for_source(*, actor: User, source: str, source_id: int, reason: str) -> int:
    """Resolve the open alerts a source raised when that source is withdrawn (a screen entered in error).

    The caller is the service that withdrew the source, in its transaction, having checked the actor.
    """
    alerts = list(
        ClientAlert.objects.select_for_update().filter(
            source=source, source_id=source_id, resolved_at__isnull=True
        )
    )
    for alert in alerts:
        alert.resolved_at = timezone.now()
        alert.resolved_by = actor
        alert.resolution_reason = reason
        update_record(
            actor,
            alert,
            columns=["resolved_at", "resolved_by", "resolution_reason"],
            person_id=alert.person_id,
        )
    return len(alerts)
