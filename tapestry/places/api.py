"""API routes of places: list, open, add and change areas; import boundaries; cases by area."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from tapestry.places import selectors, services
from tapestry.places.forms import MAX_UPLOAD_BYTES
from tapestry.places.models import Area
from tapestry.places.schemas import (
    AreaIn,
    AreaListItemOut,
    AreaOut,
    AreaPatch,
    BoundaryImportOut,
    BoundaryRefusedOut,
    CaseMapOut,
    KindValue,
)
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["places"])
PARENT = {"parent_id": (selectors.area_by_id, "No area with this number.")}


@paged_get(
    router,
    "/places/areas",
    AreaListItemOut,
    summary="List the areas the agency works in",
    description="`kind` keeps areas of one kind; `postcode` keeps the areas holding it (directly or through an inner area).",
)
def area_list(
    request: HttpRequest,
    kind: KindValue | None = None,
    postcode: str = Query("", max_length=20),
    parent_id: int | None = None,
) -> QuerySet[Area]:
    return selectors.area_list(user=request.user, kind=kind or "", parent_id=parent_id, postcode=postcode)


@router.get(
    "/places/areas/{area_id}",
    response={200: AreaOut, **error_responses(404, 422)},
    summary="Open an area, with its boundary and postcodes",
)
def area_detail(request: HttpRequest, area_id: int) -> Area:
    return selectors.area_get(user=request.user, area_id=area_id)


@created(router, "/places/areas", AreaOut, summary="Add an area")
def area_create(request: HttpRequest, payload: AreaIn) -> Area:
    data = resolve_ids(payload.model_dump(), PARENT, nullable=("parent_id",))
    area = services.area_create(actor=request.user, **data)
    return selectors.area_get(user=request.user, area_id=area.pk)


@router.patch(
    "/places/areas/{area_id}",
    response={200: AreaOut, **error_responses(400, 404, 409, 422)},
    summary="Change an area's name, what it is inside, its boundary or its postcodes",
    description="Send the `version` you read; if the area changed since, the answer is 409 and nothing is saved.",
)
def area_update(request: HttpRequest, area_id: int, payload: AreaPatch) -> Area:
    area = selectors.area_for_change(user=request.user, area_id=area_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    if "name" in changes and changes["name"] is None:
        raise ValidationError({"name": ["This field cannot be empty."]})
    changes = resolve_ids(changes, PARENT, nullable=("parent_id",))
    services.area_update(actor=request.user, area=area, version=payload.version, changes=changes)
    return selectors.area_get(user=request.user, area_id=area_id)


@router.post(
    "/places/boundary-imports",
    response={201: BoundaryImportOut, 400: BoundaryRefusedOut, **error_responses(422)},
    summary="Import area boundaries from a GeoJSON FeatureCollection",
    description=(
        "Send `file` as multipart form data: a GeoJSON FeatureCollection (RFC 7946), one feature per "
        "area, its property `code_property` (default `code`) naming the area's code; optional properties "
        "`name`, `kind`, `parent` (an area code), `parent_kind` and `postcodes`. Every feature is checked "
        "first; if any is bad the answer is 400 with each problem (feature, field, message) and nothing "
        "is stored."
    ),
)
def boundary_import(
    request: HttpRequest,
    file: File[UploadedFile],
    kind: Form[KindValue] = Area.Kind.NEIGHBOURHOOD,
    code_property: Form[str] = "code",
) -> Status:
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": ["The file is larger than 20 MB; split it up."]})
    report = services.boundary_import(
        actor=request.user,
        source=file.name or "upload",
        content=file.read(),
        kind=kind,
        code_property=code_property.strip() or "code",
    )
    if not report.ok:
        errors: dict[str, list[str]] = {}
        for problem in report.problems:
            where = f"feature {problem.feature}" if problem.feature else "file"
            errors.setdefault(where, []).append(
                f"{problem.field}: {problem.message}" if problem.field else problem.message
            )
        return Status(400, {"detail": report.summary(), "errors": errors, "problems": report.problems})
    return Status(
        201,
        {
            "source": report.source,
            "summary": report.summary(),
            "created": report.created,
            "updated": report.updated,
        },
    )


@router.get(
    "/places/case-map",
    response={200: CaseMapOut, **error_responses(422)},
    summary="Cases by area (the measure cases.by_place), small counts suppressed",
)
def case_map(request: HttpRequest, kind: KindValue = Area.Kind.NEIGHBOURHOOD) -> dict:
    found = selectors.case_map(user=request.user, kind=kind)
    return {
        "kind": found.kind,
        "title": found.title,
        "note": found.note,
        "cells": found.cells,
        "total": found.total,
    }
