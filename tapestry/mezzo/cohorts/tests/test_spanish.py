"""A cohort's bulk action and its report speak Spanish to a worker who chose it; the reasons too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort, members, with_plan
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_bulk_report_is_in_spanish(cast):
    worker = cast.caseworker
    worker.language = "es"
    worker.save(update_fields=["language"])
    cohort = a_cohort(worker, [with_plan(a_case(worker)), a_case(worker)])
    client = client_for(worker)
    url = reverse("cohorts:bulk_action", args=[cohort.pk, "goal"])

    form = client.get(url).content.decode()
    assert "Aplicar a los miembros elegidos" in form and "Apply to the chosen members" not in form
    assert "Elemento compartido del plan (objetivo)" in form

    text = client.post(
        url,
        {
            "members": [m.pk for m in members(cohort)],
            "description": "Inscribirse con un médico de familia",
            "measure": "Inscrito",
            "target": "Sí",
            "target_date": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        },
    ).content.decode()

    assert "<strong>Hechos: 1</strong>, <strong>omitidos: 1</strong>" in text
    assert "sin plan de atención" in text and "no care plan" not in text
