"""Writes of research data sets: define one, request an export, run it, open the file."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.programs.models import Program
from tapestry.thread.datasets import building, catalogue
from tapestry.thread.datasets.models import DEFAULT_K, MIN_K, DataSet, DataSetExport, DateHandling
from tapestry.web.records import create_record

logger = logging.getLogger(__name__)


def _check_definition(data_set: DataSet) -> None:
    """Every problem of a definition at once, by field, in words an evaluator can act on."""
    errors: dict[str, list[str]] = {}
    fields = list(data_set.fields or [])
    if not fields:
        errors["fields"] = [gettext("Choose at least one field for the data set.")]
    else:
        unknown = catalogue.unknown(fields)
        if unknown:
            errors["fields"] = [
                gettext("Not in the catalogue of fields: %(codes)s.") % {"codes": ", ".join(unknown)}
            ]
        elif len(set(fields)) != len(fields):
            errors["fields"] = [gettext("Each field may be chosen once.")]
    if data_set.k is None or data_set.k < MIN_K:
        errors["k"] = [
            gettext("k must be at least %(n)s: a class of one person identifies them.") % {"n": MIN_K}
        ]
    if data_set.case_type and data_set.case_type not in Case.Type.values:
        errors["case_type"] = [gettext("Choose a case type from the list, or leave it empty for every type.")]
    if data_set.date_handling not in DateHandling.values:
        errors["date_handling"] = [gettext("Choose how dates are handled: shifted, by month or by year.")]
    try:
        data_set.full_clean(exclude=["fields", "k", "case_type", "date_handling", *errors])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def data_set_create(
    *,
    actor: User,
    name: str,
    purpose: str,
    fields: list[str],
    period_start: dt.date,
    period_end: dt.date,
    k: int = DEFAULT_K,
    date_handling: str = DateHandling.SHIFT,
    max_suppressed_percent: int = 5,
    program: Program | None = None,
    need: Need | None = None,
    case_type: str = "",
    recipient_organisation: Organisation | None = None,
) -> DataSet:
    """Define a research data set; nothing is read until an export is requested."""
    policy.require_capability(actor, Capability.RESEARCH_EXPORT)
    data_set = DataSet(
        name=name,
        purpose=purpose,
        fields=list(fields),
        period_start=period_start,
        period_end=period_end,
        k=k,
        date_handling=date_handling,
        max_suppressed_percent=max_suppressed_percent,
        program=program,
        need=need,
        case_type=case_type or "",
        recipient_organisation=recipient_organisation,
        created_by=actor,
    )
    _check_definition(data_set)
    return create_record(
        actor,
        data_set,
        clean=False,
        fields=["name", "purpose", "fields", "period_start", "period_end", "k", "date_handling"],
        purpose="research data set defined",
    )


def export_request(*, actor: User, data_set: DataSet) -> DataSetExport:
    """Queue an export of the data set; the background task builds it (`tasks.data_set_export`)."""
    from tapestry.thread.datasets.tasks import data_set_export

    policy.require_capability(actor, Capability.RESEARCH_EXPORT)
    with transaction.atomic():
        export = DataSetExport.objects.create(data_set=data_set, requested_by=actor)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.EXPORT,
            obj=export,
            fields=list(data_set.fields),
            purpose=f"research data set export requested: {data_set.name}"[:255],
        )
        transaction.on_commit(lambda: data_set_export.enqueue(export.pk))
    return export


def export_run(export: DataSetExport) -> DataSetExport:
    """Build the export (the worker's side; the request was checked and audited by `export_request`).

    Progress is saved as each chunk is read, so the export's page can show it; a failure leaves no
    file and says what went wrong.
    """
    total = building.population(export.data_set).count()
    DataSetExport.objects.filter(pk=export.pk).update(
        status=DataSetExport.Status.RUNNING, started_at=timezone.now(), rows_total=total, rows_done=0
    )

    def progress(done: int) -> None:
        DataSetExport.objects.filter(pk=export.pk).update(rows_done=done)

    try:
        report, name = building.build(export, progress)
    except Exception as error:  # the job must end in a state the page can show, whatever happened
        logger.exception("Research data set export %s failed", export.pk)
        DataSetExport.objects.filter(pk=export.pk).update(
            status=DataSetExport.Status.FAILED,
            finished_at=timezone.now(),
            problem=f"The export failed: {type(error).__name__}."[:255],
        )
        export.refresh_from_db()
        return export
    with transaction.atomic():
        DataSetExport.objects.filter(pk=export.pk).update(
            status=DataSetExport.Status.DONE,
            finished_at=timezone.now(),
            rows_done=total,
            records_written=report["records_written"],
            records_suppressed=report["records_suppressed"],
            left_out_for_consent=report.pop("left_out_count"),
            report=report,
            file_name=name,
        )
        audit_record(
            actor=export.requested_by,
            action=AuditEntry.Action.EXPORT,
            obj=export,
            fields=list(export.data_set.fields),
            purpose="research data set written (de-identified)",
        )
    export.refresh_from_db()
    return export


def export_file_open(*, actor: User, export: DataSetExport) -> Path:
    """The finished export's file, for download; each download is audited."""
    policy.require_capability(actor, Capability.RESEARCH_EXPORT)
    path = building.export_dir() / export.file_name
    if export.status != DataSetExport.Status.DONE or not export.file_name or not path.exists():
        raise ValidationError(gettext("This export has no file to download yet."))
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=export,
        fields=list(export.data_set.fields),
        purpose="research data set downloaded",
    )
    return path
