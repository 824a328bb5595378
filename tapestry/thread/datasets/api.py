"""API routes of research data sets: define one, export it, follow the export, download its file."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from ninja import Router

from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.programs.models import Program
from tapestry.thread.datasets import selectors, services
from tapestry.thread.datasets.models import DataSet, DataSetExport
from tapestry.thread.datasets.schemas import DataSetExportOut, DataSetIn, DataSetOut
from tapestry.thread.datasets.views import download_name
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["research data sets"])


@paged_get(router, "/datasets", DataSetOut, errors=(422,), summary="List research data sets")
def data_set_api_list(request: HttpRequest) -> QuerySet[DataSet]:
    return selectors.data_sets_visible(user=request.user)


@created(router, "/datasets", DataSetOut, errors=(400, 422), summary="Define a research data set")
def data_set_api_create(request: HttpRequest, payload: DataSetIn) -> DataSet:
    data = resolve_ids(
        payload.model_dump(),
        {
            "program_id": (lambda pk: Program.objects.filter(pk=pk).first(), "No such program."),
            "need_id": (lambda pk: Need.objects.filter(pk=pk).first(), "No such need."),
            "recipient_organisation_id": (
                lambda pk: Organisation.objects.filter(pk=pk).first(),
                "No such organisation.",
            ),
        },
        nullable=("program_id", "need_id", "recipient_organisation_id"),
    )
    return services.data_set_create(actor=request.user, **data)


@router.get(
    "/datasets/{data_set_id}",
    response={200: DataSetOut, **error_responses(404)},
    summary="A research data set's definition",
)
def data_set_api_detail(request: HttpRequest, data_set_id: int) -> DataSet:
    return selectors.data_set_get(user=request.user, pk=data_set_id)


@created(
    router, "/datasets/{data_set_id}/exports", DataSetExportOut, errors=(404,), summary="Export a data set"
)
def export_api_request(request: HttpRequest, data_set_id: int) -> DataSetExport:
    data_set = selectors.data_set_get(user=request.user, pk=data_set_id)
    export = services.export_request(actor=request.user, data_set=data_set)
    export.refresh_from_db()
    return export


@router.get(
    "/dataset-exports/{export_id}",
    response={200: DataSetExportOut, **error_responses(404)},
    summary="An export's progress and what it did",
)
def export_api_detail(request: HttpRequest, export_id: int) -> DataSetExport:
    return selectors.export_detail(user=request.user, pk=export_id)


@router.get(
    "/dataset-exports/{export_id}/file",
    response={200: None, **error_responses(400, 404)},
    summary="Download a finished export (a zip of data.csv, metadata.json and README.txt)",
)
def export_api_file(request: HttpRequest, export_id: int) -> FileResponse:
    export = selectors.export_detail(user=request.user, pk=export_id)
    path = services.export_file_open(actor=request.user, export=export)
    return FileResponse(path.open("rb"), as_attachment=True, filename=download_name(export))
