"""API routes of prevention: programs, the activities delivered (headcounts) and before/after measures."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.mezzo.prevention import selectors, services
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.mezzo.prevention.schemas import (
    ActivityIn,
    ActivityOut,
    Focus,
    PreventionMeasureIn,
    PreventionMeasureOut,
    PreventionProgramIn,
    PreventionProgramOut,
    PreventionProgramPatch,
    ProgramDetailOut,
)
from tapestry.web.ids import renaming, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["prevention"])

# Service field names as the API body spells them.
NAMES = {"lead": "lead_id", "program": "program_id"}


def _resolved(data: dict[str, Any]) -> dict[str, Any]:
    """Turn `lead_id` and `program_id` into the records they name, or a field error."""
    return resolve_ids(
        data,
        {
            "lead_id": (selectors.staff_member, "No staff member with this number."),
            "program_id": (selectors.program_by_id, "No program with this number."),
        },
        nullable=("program_id",),
    )


def _detail(request: HttpRequest, program_id: int) -> dict[str, Any]:
    record, reach = selectors.prevention_program_detail(user=request.user, program_id=program_id)
    out = PreventionProgramOut.from_orm(record).model_dump()
    out["reach"] = {
        "activities": reach.activities,
        "headcount": reach.headcount,
        "by_kind": [{"label": k, "activities": n, "headcount": h} for k, n, h in reach.by_kind],
        "by_month": [{"label": m, "activities": n, "headcount": h} for m, n, h in reach.by_month],
    }
    out["measures"] = list(record.measures.all())
    return out


@paged_get(
    router,
    "/prevention-programs",
    PreventionProgramOut,
    errors=(422,),
    summary="List prevention programs",
)
def prevention_program_list(request: HttpRequest, focus: Focus | None = None) -> QuerySet[PreventionProgram]:
    return selectors.prevention_program_list(user=request.user, focus=focus or "")


@created(
    router,
    "/prevention-programs",
    ProgramDetailOut,
    errors=(400, 422),
    summary="Add a prevention program",
    description="Needs the program-manage capability (community educators, program managers, supervisors).",
)
def prevention_program_create(request: HttpRequest, payload: PreventionProgramIn) -> dict[str, Any]:
    data = _resolved(payload.model_dump())
    with renaming(NAMES):
        record = services.prevention_program_create(actor=request.user, **data)
    return _detail(request, record.pk)


@router.get(
    "/prevention-programs/{program_id}",
    response={200: ProgramDetailOut, **error_responses(404, 422)},
    summary="Open a prevention program with its reach and measures",
)
def prevention_program_detail(request: HttpRequest, program_id: int) -> dict[str, Any]:
    return _detail(request, program_id)


@router.patch(
    "/prevention-programs/{program_id}",
    response={200: ProgramDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Change a prevention program",
)
def prevention_program_update(
    request: HttpRequest, program_id: int, payload: PreventionProgramPatch
) -> dict[str, Any]:
    record = selectors.prevention_program_get(user=request.user, program_id=program_id)
    changes = _resolved(payload.model_dump(exclude_unset=True))
    version = changes.pop("version")
    with renaming(NAMES):
        services.prevention_program_update(
            actor=request.user, record=record, version=version, changes=changes
        )
    return _detail(request, program_id)


@paged_get(
    router,
    "/prevention-programs/{program_id}/activities",
    ActivityOut,
    summary="List the activities delivered, newest first",
)
def prevention_activity_list(request: HttpRequest, program_id: int) -> QuerySet[Activity]:
    record = selectors.prevention_program_get(user=request.user, program_id=program_id)
    return selectors.activity_list(record=record)


@created(
    router,
    "/prevention-programs/{program_id}/activities",
    ActivityOut,
    summary="Record an activity delivered, with its headcount",
    description="The age bands, when given, may not add up to more than the headcount.",
)
def prevention_activity_add(request: HttpRequest, program_id: int, payload: ActivityIn) -> Activity:
    record = selectors.prevention_program_get(user=request.user, program_id=program_id)
    return services.activity_record(actor=request.user, record=record, **payload.model_dump())


@paged_get(
    router,
    "/prevention-programs/{program_id}/measures",
    PreventionMeasureOut,
    summary="List the outcome measures, before and after",
)
def prevention_measure_list(request: HttpRequest, program_id: int) -> QuerySet[OutcomeMeasure]:
    record = selectors.prevention_program_get(user=request.user, program_id=program_id)
    return selectors.measure_list(record=record)


@created(
    router,
    "/prevention-programs/{program_id}/measures",
    PreventionMeasureOut,
    summary="Record an outcome measure before and after",
)
def prevention_measure_add(
    request: HttpRequest, program_id: int, payload: PreventionMeasureIn
) -> OutcomeMeasure:
    record = selectors.prevention_program_get(user=request.user, program_id=program_id)
    return services.measure_record(actor=request.user, record=record, **payload.model_dump())
