"""Case pages in Spanish for a worker who chose it (issue 12, item 10); English stays as it was."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def test_the_case_page_and_caseload_read_in_spanish(cast):
    case = open_case(cast.caseworker)
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    client = client_for(cast.caseworker)

    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Necesidades y barreras" in page and "Needs and barriers" not in page
    assert "Escribir una nota" in page and "Write a note" not in page

    caseload = client.get(reverse("cases:caseload")).content.decode()
    assert "Mi carga de casos" in caseload and "My caseload" not in caseload
    assert "Tareas vencidas" in caseload and "Overdue tasks" not in caseload


def test_the_case_page_stays_english_by_default(cast):
    case = open_case(cast.caseworker)
    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Needs and barriers" in page and "Necesidades y barreras" not in page
