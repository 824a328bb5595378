"""The research data set pages in Spanish, for a user who chose it (issue 12, item 10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.testing import client_for
from tapestry.thread.datasets.models import DataSet, DataSetExport

pytestmark = pytest.mark.django_db


def test_the_data_set_pages_speak_spanish(cast):
    evaluator = cast["evaluator"]
    data_set = DataSet.objects.create(
        name="Set",
        purpose="Evaluation",
        fields=["age", "needs"],
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        created_by=evaluator,
    )
    export = DataSetExport.objects.create(
        data_set=data_set,
        requested_by=evaluator,
        status=DataSetExport.Status.DONE,
        report={
            "k": 11,
            "generalised_to": {"age": "10-year band"},
            "date_handling_text": "Generalise dates to the year",
        },
    )
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])
    client = client_for(evaluator)

    detail = client.get(reverse("datasets:data_set_detail", args=[data_set.pk])).content.decode()
    assert "Población" in detail and "Edad al inicio del período" in detail and "Exportarlo ahora" in detail
    assert "Population" not in detail and "Export it now" not in detail

    progress = client.get(reverse("datasets:export_detail", args=[export.pk])).content.decode()
    assert "Qué se le hizo" in progress and "Generalizar las fechas al año" in progress
    assert "What was done to it" not in progress and "Generalise dates to the year" not in progress

    form = client.get(reverse("datasets:data_set_create")).content.decode()
    assert "Persona: Edad al inicio del período" in form and "Cualquier programa" in form
