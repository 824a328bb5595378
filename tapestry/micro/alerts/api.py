"""API routes of client alerts: a person's alerts in force and their history, raise, resolve."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import Http404, HttpRequest
from ninja import Router

from tapestry.micro.alerts import selectors, services
from tapestry.micro.alerts.models import ClientAlert
from tapestry.micro.alerts.schemas import AlertRaiseIn, AlertResolveIn, ClientAlertOut, ClientAlertRecordOut
from tapestry.micro.alerts.selectors import Alert
from tapestry.people.selectors import person_get
from tapestry.web.schemas import created, error_responses, paged_get, purpose_query

router = Router(tags=["alerts"])


@paged_get(
    router,
    "/persons/{person_id}/alerts",
    ClientAlertOut,
    summary="List a person's alerts in force, most urgent first",
    description=(
        "Stored alerts still open (suicide risk, a worker's concern) and alerts read from live records "
        "(a safety plan in force, an interpreter need, a Part 2 or school case). Alerts from a segment "
        "you are not granted are left out."
    ),
)
def person_alert_list(request: HttpRequest, person_id: int) -> list[Alert]:
    person = person_get(user=request.user, person_id=person_id)
    return selectors.alerts_for(user=request.user, person=person)


@paged_get(
    router,
    "/persons/{person_id}/alerts/history",
    ClientAlertRecordOut,
    summary="List a person's stored alerts, open and resolved, newest first",
    description="Each with why it was raised and, once resolved, who resolved it and why. The read is audited.",
)
def person_alert_history(
    request: HttpRequest, person_id: int, purpose: str = purpose_query("the alerts")
) -> list[ClientAlert]:
    person = person_get(user=request.user, person_id=person_id)
    return selectors.alert_history(user=request.user, person=person, purpose=purpose)


@created(
    router,
    "/persons/{person_id}/alerts",
    ClientAlertRecordOut,
    summary="Raise an alert about a person by hand",
    description=(
        "For a concern recorded nowhere else: `home_visit_safety` or `legal_hold`, with why. Suicide-risk "
        "alerts are raised by a screen or a risk assessment."
    ),
)
def person_alert_raise(request: HttpRequest, person_id: int, payload: AlertRaiseIn) -> ClientAlert:
    person = person_get(user=request.user, person_id=person_id)
    alert = services.alert_raise(actor=request.user, person=person, kind=payload.kind, reason=payload.reason)
    return selectors.alert_get(user=request.user, alert_id=alert.pk)


@router.post(
    "/persons/{person_id}/alerts/{alert_id}/resolve",
    response={200: ClientAlertRecordOut, **error_responses(400, 404, 422)},
    summary="Resolve an alert, with the reason",
    description="Clinicians only (caseworkers, crisis workers, supervisors). The reason is required and kept.",
)
def person_alert_resolve(
    request: HttpRequest, person_id: int, alert_id: int, payload: AlertResolveIn
) -> ClientAlert:
    alert = selectors.alert_get(user=request.user, alert_id=alert_id, for_change=True)
    if alert.person_id != person_id:
        raise Http404(selectors.MISSING)
    return services.alert_resolve(actor=request.user, alert=alert, reason=payload.reason)
