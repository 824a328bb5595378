"""Pages of research data sets: the list, defining one, its exports, an export's progress and its file.
Each view parses, calls one selector or service, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.thread.datasets import catalogue, selectors, services
from tapestry.thread.datasets.forms import DataSetForm
from tapestry.thread.datasets.models import DataSetExport
from tapestry.web.pages import bound, save_page


def data_set_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "datasets/data_set_list.html", {"data_sets": selectors.data_set_list(user=request.user)}
    )


def data_set_create(request: HttpRequest) -> HttpResponse:
    form = DataSetForm(bound(request))
    return save_page(
        request,
        "datasets/data_set_form.html",
        form=form,
        call=lambda: services.data_set_create(actor=request.user, **form.cleaned_data),
        done=gettext("The data set is defined. Export it when you are ready."),
        then=lambda data_set: reverse("datasets:data_set_detail", args=[data_set.pk]),
    )


def data_set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    data_set = selectors.data_set_detail(user=request.user, pk=pk)
    fields = [catalogue.BY_CODE[code] for code in data_set.fields if code in catalogue.BY_CODE]
    return render(request, "datasets/data_set_detail.html", {"data_set": data_set, "chosen": fields})


@require_POST
def export_request(request: HttpRequest, pk: int) -> HttpResponse:
    data_set = selectors.data_set_get(user=request.user, pk=pk)
    export = services.export_request(actor=request.user, data_set=data_set)
    messages.success(request, gettext("The export is queued; this page shows its progress."))
    return redirect("datasets:export_detail", pk=export.pk)


def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The export's progress; while it runs, htmx asks for the progress block again every two seconds."""
    export = selectors.export_detail(user=request.user, pk=pk)
    context = {"export": export, "report": export.report}
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "datasets/_export_progress.html", context)
    return render(request, "datasets/export_detail.html", context)


def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The finished zip, streamed from disk (FileResponse reads it in blocks)."""
    export = selectors.export_detail(user=request.user, pk=pk)
    try:
        path = services.export_file_open(actor=request.user, export=export)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("datasets:export_detail", pk=export.pk)
    return FileResponse(path.open("rb"), as_attachment=True, filename=download_name(export))


def download_name(export: DataSetExport) -> str:
    return f"research-data-set-{export.data_set_id}-export-{export.pk}.zip"
