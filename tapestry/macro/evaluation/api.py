"""API routes of program evaluation: indicators, their values per period, the measures they may use."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router

from tapestry.access.models import User
from tapestry.evidence.suppression import threshold
from tapestry.macro.evaluation import selectors, services
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.schemas import (
    IndicatorIn,
    IndicatorListItemOut,
    IndicatorMeasureOut,
    IndicatorOut,
    IndicatorPatch,
    IndicatorValuesOut,
)
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["indicators"])


def _records(data: dict[str, Any]) -> dict[str, Any]:
    """The body's ids as the records they name: a field error for a number that names nothing."""
    resolve_ids(
        data,
        {
            "program_id": (
                lambda pk: selectors.program_choices().filter(pk=pk).first(),
                "No program with this number.",
            ),
            "owner_id": (
                lambda pk: User.objects.filter(pk=pk, is_active=True).first(),
                "No active member of staff with this number.",
            ),
        },
        nullable=("program_id", "owner_id"),
    )
    return data


def _get(user: User, indicator_id: int) -> Indicator:
    indicator = selectors.indicator_get(user=user, indicator_id=indicator_id)
    if indicator is None:
        raise Http404("No indicator with this number.")
    return indicator


def _value(value: selectors.Value | None) -> dict | None:
    if value is None:
        return None
    rate = value.rate
    return {
        "period": value.period,
        "starts_on": value.start,
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        "value": rate.value,
        "suppressed": rate.suppressed,
        "hidden": rate.hidden,
        "target": value.target,
        "status": value.status,
        "change": value.change,
        "from_baseline": value.from_baseline,
        "rows": [{**vars(row), "suppressed": row.suppressed} for row in value.rows],
    }


@paged_get(
    router,
    "/indicators",
    IndicatorListItemOut,
    errors=(422,),
    summary="List indicators",
    description="Every indicator with its latest value shown and its status against target.",
)
def indicator_list(request: HttpRequest) -> list[dict]:
    return [
        {**IndicatorOut.from_orm(item.indicator).dict(), "latest": _value(item.latest)}
        for item in selectors.indicator_overview(user=request.user)
    ]


@router.get(
    "/indicators/measures",
    response={200: list[IndicatorMeasureOut], **error_responses()},
    summary="List the measures an indicator may use",
)
def indicator_measure_list(request: HttpRequest) -> list[dict]:
    return [
        {
            "name": found.name,
            "title": found.title,
            "unit": found.unit,
            "kind": found.kind,
            "over": found.over,
            "breakdowns": dict(found.breakdowns),
            "note": found.note,
        }
        for found in selectors.measure_choices()
    ]


@created(
    router,
    "/indicators",
    IndicatorOut,
    errors=(400, 422),
    summary="Define an indicator",
    description="Measures, factor, breakdown, baseline and targets are checked together; problems come back by field.",
)
def indicator_create(request: HttpRequest, payload: IndicatorIn) -> Indicator:
    data = _records(payload.model_dump())
    return services.indicator_create(actor=request.user, **data)


@router.get(
    "/indicators/{indicator_id}",
    response={200: IndicatorValuesOut, **error_responses(404, 422)},
    summary="Open an indicator with its values per period",
    description="`from` and `to` are periods of the indicator's type (2026-03, 2026-Q1 or 2026); small counts are suppressed.",
)
def indicator_detail(
    request: HttpRequest,
    indicator_id: int,
    first: str = Query("", alias="from", max_length=10),
    last: str = Query("", alias="to", max_length=10),
) -> dict:
    indicator = _get(request.user, indicator_id)
    try:
        periods = selectors.periods_asked(indicator, first, last)
    except ValueError as problem:
        raise ValidationError({"from": [str(problem)]}) from None
    values = selectors.indicator_values(user=request.user, indicator=indicator, periods=periods)
    return {
        **IndicatorOut.from_orm(indicator).dict(),
        "threshold": threshold(),
        "values": [_value(value) for value in values],
    }


@router.patch(
    "/indicators/{indicator_id}",
    response={200: IndicatorOut, **error_responses(400, 404, 409, 422)},
    summary="Change an indicator",
    description="Send the `version` you read; if the indicator changed since, the answer is 409 and nothing is saved.",
)
def indicator_update(request: HttpRequest, indicator_id: int, payload: IndicatorPatch) -> Indicator:
    indicator = _get(request.user, indicator_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(
        changes,
        ("name", "definition", "numerator", "denominator", "factor", "period_type", "breakdown")
        + ("baseline_period", "targets", "direction"),
    )
    changes = _records(changes)
    updated = services.indicator_update(
        actor=request.user, indicator=indicator, version=payload.version, changes=changes
    )
    return _get(request.user, updated.pk)
