"""A signal's page in Spanish for a user who chose it; its API stays in English (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for
from tapestry.thread.signals.tests.support import a_signal, area

pytestmark = pytest.mark.django_db


def test_a_signal_page_speaks_spanish_and_its_api_english(cast):
    signal = a_signal(area=area("A", "62701"), trend=[["2025-Q1", 3], ["2025-Q2", 14], ["2025-Q3", 20]])
    evaluator = cast["evaluator"]
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])
    client = client_for(evaluator)

    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "Qué se encontró" in page and "Respuestas propuestas" in page and "Períodos anteriores:" in page
    assert "Necesidad no atendida:" in page and "casos en Area A con" in page
    assert "What was found" not in page and "Unmet need:" not in page and "and still unmet" not in page

    listed = client.get(reverse("signals:list")).content.decode()
    assert "Señales de escalamiento" in listed and "Escalation signals" not in listed

    body = client.get(reverse("api:signal_detail", args=[signal.pk])).json()
    assert "Unmet need" in json_text(body)


def json_text(body: object) -> str:
    return str(body)
