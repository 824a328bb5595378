"""Reads of research data sets: definitions and exports are agency records, not client records."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from tapestry.access.models import User
from tapestry.access.policy import Capability, has_capability
from tapestry.thread.datasets.models import DataSet, DataSetExport
from tapestry.web.ids import found_or_404

MISSING_SET = "No such research data set."
MISSING_EXPORT = "No such export."


def data_sets_visible(*, user: User) -> QuerySet[DataSet]:
    if not has_capability(user, Capability.RESEARCH_EXPORT):
        return DataSet.objects.none()
    return DataSet.objects.select_related("program", "need", "recipient_organisation", "created_by")


def data_set_list(*, user: User) -> list[DataSet]:
    """Every data set with its latest export (one query for the sets, one for their exports)."""
    latest = DataSetExport.objects.order_by("-requested_at", "-id")
    return list(data_sets_visible(user=user).prefetch_related(Prefetch("exports", queryset=latest)))


def data_set_detail(*, user: User, pk: int) -> DataSet:
    exports = DataSetExport.objects.select_related("requested_by").order_by("-requested_at", "-id")
    found = data_sets_visible(user=user).prefetch_related(Prefetch("exports", queryset=exports)).filter(pk=pk)
    return found_or_404(found.first(), MISSING_SET)


def data_set_get(*, user: User, pk: int) -> DataSet:
    return found_or_404(data_sets_visible(user=user).filter(pk=pk).first(), MISSING_SET)


def export_detail(*, user: User, pk: int) -> DataSetExport:
    if not has_capability(user, Capability.RESEARCH_EXPORT):
        return found_or_404(None, MISSING_EXPORT)
    found = DataSetExport.objects.select_related("data_set", "requested_by").filter(pk=pk).first()
    return found_or_404(found, MISSING_EXPORT)
