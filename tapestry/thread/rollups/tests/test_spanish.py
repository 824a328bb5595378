"""The needs pages in Spanish for a user who chose it, while the API stays in English (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for
from tapestry.thread.rollups.tests.support import need, plant

pytestmark = pytest.mark.django_db


def test_a_need_page_speaks_spanish_and_the_api_english(cast):
    plant(13)
    evaluator = cast["evaluator"]
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])
    client = client_for(evaluator)

    index = client.get(reverse("rollups:needs_index")).content.decode()
    assert "Necesidades en todos los niveles" in index and "Casos abiertos" in index
    assert "Needs across levels" not in index and "No barriers coded yet." not in index

    page = client.get(reverse("rollups:need_detail", kwargs={"pk": need().pk}), {"period": "month"})
    html = page.content.decode()
    assert "Casos abiertos por área" in html and "Tendencia" in html and "supresión primaria" in html
    assert "Open cases by area" not in html and "primary suppression" not in html

    body = client.get(f"/api/v1/thread/needs/{need().pk}").json()
    assert "primary suppression" in str(body)
