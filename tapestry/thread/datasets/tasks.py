"""Background tasks of research data sets, run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tapestry.thread.datasets.models import DataSetExport


@task()
def data_set_export(export_id: int) -> str:
    """Build one export: it reads the whole population, so it runs off the request path."""
    from tapestry.thread.datasets.services import export_run

    export = DataSetExport.objects.select_related("data_set", "requested_by").get(pk=export_id)
    return export_run(export).status
