"""API routes of leadership: the agency dashboard, and compliance items (list, keep, read, change,
mark done, waive)."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.macro.evaluation.selectors import Listed
from tapestry.macro.leadership import selectors, services
from tapestry.macro.leadership.models import ComplianceItem
from tapestry.macro.leadership.schemas import (
    ComplianceDetailOut,
    ComplianceDoneIn,
    ComplianceIn,
    ComplianceOut,
    CompliancePatch,
    ComplianceWaiveIn,
    DashboardOut,
    Show,
)
from tapestry.web.ids import renaming, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["leadership"])

OWNER = {"owner_id": (selectors.staff_account, "No such staff member.")}
# A service names the record's fields; the API's bodies name ids.
API_NAMES = {"owner": "owner_id"}


def _indicator(listed: Listed) -> dict[str, Any]:
    latest = listed.latest
    return {
        "id": listed.indicator.pk,
        "name": listed.indicator.name,
        "period": latest.period if latest else None,
        "value": latest.rate.value if latest else None,
        "target": float(latest.target) if latest and latest.target is not None else None,
        "status": latest.status if latest else "No data",
    }


@router.get(
    "/leadership/dashboard",
    response={200: DashboardOut, **error_responses()},
    summary="The agency dashboard",
    description=(
        "Open cases by worker and people served by program (suppressed), the latest value of the first "
        f"{selectors.DASHBOARD_INDICATORS} indicators against target, grant deadlines and campaign "
        f"milestones in the next {selectors.AHEAD_DAYS} days, and compliance items due or overdue."
    ),
)
def dashboard(request: HttpRequest) -> dict[str, Any]:
    board = selectors.dashboard(user=request.user)
    return {
        "practice": board.practice,
        "caseloads": board.caseloads,
        "reach": board.reach,
        "indicators": [_indicator(listed) for listed in board.indicators],
        "more_indicators": board.more_indicators,
        "grant_deadlines": board.grant_deadlines,
        "milestones": board.milestones,
        "compliance": board.compliance,
    }


@paged_get(
    router,
    "/leadership/compliance",
    ComplianceOut,
    errors=(422,),
    summary="List compliance items",
    description="`show`: open (the default), overdue, due_soon (the next 30 days) or closed (done or waived).",
)
def compliance_list(request: HttpRequest, show: Show = "open") -> QuerySet[ComplianceItem]:
    return selectors.compliance_list(user=request.user, show=show)


@created(
    router, "/leadership/compliance", ComplianceDetailOut, errors=(400, 422), summary="Keep a compliance item"
)
def compliance_create(request: HttpRequest, payload: ComplianceIn) -> ComplianceItem:
    data = resolve_ids(payload.model_dump(), OWNER, nullable=("owner_id",))
    with renaming(API_NAMES):
        item = services.compliance_create(actor=request.user, **data)
    return selectors.compliance_get(user=request.user, item_id=item.pk)


@router.get(
    "/leadership/compliance/{item_id}",
    response={200: ComplianceDetailOut, **error_responses(404)},
    summary="A compliance item",
)
def compliance_detail(request: HttpRequest, item_id: int) -> ComplianceItem:
    return selectors.compliance_get(user=request.user, item_id=item_id)


@router.patch(
    "/leadership/compliance/{item_id}",
    response={200: ComplianceDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Change a compliance item",
    description="Send the `version` you read (409 if someone saved in between). Mark it done or waive it "
    "through its own operations.",
)
def compliance_update(request: HttpRequest, item_id: int, payload: CompliancePatch) -> ComplianceItem:
    item = selectors.compliance_get(user=request.user, item_id=item_id)
    data = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(data, ("kind", "title", "due_on", "recurrence"))
    data = {k: ("" if v is None and k in ("notes", "evidence") else v) for k, v in data.items()}
    data = resolve_ids(data, OWNER, nullable=("owner_id",))
    with renaming(API_NAMES):
        services.compliance_update(actor=request.user, item=item, version=payload.version, changes=data)
    return selectors.compliance_get(user=request.user, item_id=item_id)


@router.post(
    "/leadership/compliance/{item_id}/done",
    response={200: ComplianceDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Mark a compliance item done",
    description="A recurring item then makes the next one, due a period later (its id is `next_item_id`).",
)
def compliance_done(request: HttpRequest, item_id: int, payload: ComplianceDoneIn) -> ComplianceItem:
    item = selectors.compliance_get(user=request.user, item_id=item_id)
    services.compliance_done(
        actor=request.user,
        item=item,
        version=payload.version,
        done_on=payload.done_on,
        evidence=payload.evidence,
    )
    return selectors.compliance_get(user=request.user, item_id=item_id)


@router.post(
    "/leadership/compliance/{item_id}/waive",
    response={200: ComplianceDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Waive a compliance item, saying why",
)
def compliance_waive(request: HttpRequest, item_id: int, payload: ComplianceWaiveIn) -> ComplianceItem:
    item = selectors.compliance_get(user=request.user, item_id=item_id)
    services.compliance_waive(actor=request.user, item=item, version=payload.version, reason=payload.reason)
    return selectors.compliance_get(user=request.user, item_id=item_id)
