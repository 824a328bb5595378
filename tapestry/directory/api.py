"""API routes of the resource directory: search services, open one, import HSDS files."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from tapestry.directory import selectors, services
from tapestry.directory.forms import MAX_UPLOAD_BYTES
from tapestry.directory.models import Service
from tapestry.directory.schemas import ImportOut, ImportRefusedOut, ServiceDetailOut, ServiceListItemOut
from tapestry.needs.selectors import need_exists
from tapestry.web.schemas import error_responses, paged_get

router = Router(tags=["directory"])


@paged_get(
    router,
    "/directory/services",
    ServiceListItemOut,
    errors=(400, 422),
    summary="Search the resource directory",
    description=(
        "Every criterion given must match. `need` is a need code; `q` words in the name, description or "
        "organization. With `near_postcode` (or `near_lat` and `near_lon`) only services within "
        "`radius_km` are listed, nearest first, with their distance."
    ),
)
def directory_service_search(
    request: HttpRequest,
    q: str = Query("", max_length=200),
    need: str = Query("", max_length=60, description="A need code, e.g. food-insecurity."),
    near_postcode: str = Query("", max_length=20),
    near_lat: float | None = Query(None, ge=-90, le=90),
    near_lon: float | None = Query(None, ge=-180, le=180),
    radius_km: float = Query(selectors.DEFAULT_RADIUS_KM, gt=0, le=selectors.MAX_RADIUS_KM),
    area: int | None = Query(
        None, description="Services with a location in this area (GET /api/v1/places/areas)."
    ),
) -> Sequence[selectors.ServiceHit]:
    if need and not need_exists(code=need):
        raise ValidationError({"need": [f"There is no need with the code {need!r}."]})
    point = selectors.near_point(postcode=near_postcode, latitude=near_lat, longitude=near_lon)
    criteria = selectors.SearchCriteria(
        query=q.strip(), need=need, near=point, radius_km=radius_km, area=selectors.area_named(area)
    )
    return selectors.service_search(user=request.user, criteria=criteria)


@router.get(
    "/directory/services/{service_id}",
    response={200: ServiceDetailOut, **error_responses(404, 422)},
    summary=(
        "Open a directory service, with its organization, locations, phones, needs, schedules, "
        "service areas, costs and required documents"
    ),
)
def directory_service_detail(request: HttpRequest, service_id: int) -> Service:
    return selectors.service_detail(user=request.user, service_id=service_id)


@router.post(
    "/directory/import",
    response={201: ImportOut, 400: ImportRefusedOut, **error_responses(422)},
    summary="Import HSDS 3 data (JSON or CSV)",
    description=(
        "Send `files` as multipart form data: one HSDS 3.0 JSON file (services, organizations, services "
        "at locations or locations; one object, a list, or an API page), one .zip of the CSV tables, or "
        "the CSV files. Every row is checked first; if any is bad the answer is 400 with each problem "
        "(file, row, field, message) and nothing is stored. A 201 lists in `unkept` each field and "
        "table of the upload that Tapestry does not keep."
    ),
)
def directory_import(request: HttpRequest, files: File[list[UploadedFile]]) -> Status:
    too_big = [upload.name for upload in files if upload.size > MAX_UPLOAD_BYTES]
    if too_big:
        raise ValidationError({"files": [f"{name} is larger than 20 MB; split it up." for name in too_big]})
    report = services.directory_import(actor=request.user, files=[(f.name, f.read()) for f in files])
    if not report.ok:
        errors: dict[str, list[str]] = {}
        for problem in report.problems:
            where = f"{problem.file} row {problem.row}" if problem.row else problem.file
            errors.setdefault(where, []).append(
                f"{problem.field}: {problem.message}" if problem.field else problem.message
            )
        body = {"detail": report.summary(), "errors": errors, "problems": report.problems}
        return Status(400, body)
    return Status(
        201,
        {
            "source": report.source,
            "summary": report.summary(),
            "created": report.created,
            "updated": report.updated,
            "unkept": report.unkept,
        },
    )
