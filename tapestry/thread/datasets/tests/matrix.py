"""URL arguments for the research data set routes in the authorization matrix."""

from __future__ import annotations

import datetime as dt

from tapestry.access.models import Role
from tapestry.thread.datasets.models import DataSet, DataSetExport


def examples(world: dict) -> dict[str, dict]:
    evaluator = world["cast"][Role.EVALUATOR]
    # A period with no cases, so no page shows a count drawn from the world's records.
    data_set = DataSet.objects.create(
        name="Matrix set",
        purpose="Authorization matrix",
        fields=["age", "case_type"],
        period_start=dt.date(2001, 1, 1),
        period_end=dt.date(2001, 12, 31),
        created_by=evaluator,
    )
    export = DataSetExport.objects.create(data_set=data_set, requested_by=evaluator)
    return {
        "datasets:data_set_detail": {"pk": data_set.pk},
        "datasets:export_request": {"pk": data_set.pk},
        "datasets:export_detail": {"pk": export.pk},
        "datasets:export_download": {"pk": export.pk},
        "GET /api/v1/datasets/{data_set_id}": {"data_set_id": data_set.pk},
        "POST /api/v1/datasets/{data_set_id}/exports": {"data_set_id": data_set.pk},
        "GET /api/v1/dataset-exports/{export_id}": {"export_id": export.pk},
        "GET /api/v1/dataset-exports/{export_id}/file": {"export_id": export.pk},
    }
