"""The needs catalogue in Spanish for a worker who chose it (issue 12, item 10): the page's words
and the domains are translated; the coded needs themselves are data and stay as recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_catalogue_reads_in_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    page = client_for(cast.caseworker).get(reverse("needs:catalogue")).content.decode()

    assert "Catálogo de necesidades" in page and "Needs catalogue" not in page
    assert "Vivienda" in page and ">Housing<" not in page
    assert "(vigente del 1 de octubre de 2025 al 30 de septiembre de 2026)" in page
    assert "Z59.41" in page
