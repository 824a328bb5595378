"""A prevention program's page, chart and table included, speaks Spanish to a reader who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.prevention.tests.helpers import a_measure, a_program, an_activity, days_ago
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_program_page_is_in_spanish(cast):
    record = a_program(cast.by_role["community_educator"])
    an_activity(record, held_on=days_ago(3), headcount=24)
    an_activity(record, held_on=days_ago(2), headcount=26)
    a_measure(record)
    reader = cast.by_role["evaluator"]
    reader.language = "es"
    reader.save(update_fields=["language"])

    page = client_for(reader).get(reverse("prevention:program_detail", args=[record.pk])).content.decode()

    assert "<strong>2</strong> actividades que llegaron a <strong>50</strong> participantes" in page
    assert "activities reaching" not in page
    assert "Sesión en el aula" in page and "Classroom session" not in page
    assert "Medidas de resultado antes y después" in page and "(mejor)" in page and "(better)" not in page
