"""An evidence pack's page and PDF in Spanish for a user who chose it; the API stays English (issue 12)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for, pdf_text
from tapestry.thread.packs.tests.support import housing_campaign, pack_for

pytestmark = pytest.mark.django_db


def test_a_pack_speaks_spanish_on_its_page_and_in_its_pdf(cast):
    pack = pack_for(housing_campaign())
    evaluator = cast["evaluator"]
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])
    client = client_for(evaluator)

    page = client.get(reverse("packs:pack_detail", args=[pack.pk])).content.decode()
    assert "Paquetes de evidencia" in page and "Descargar el PDF" in page and "supresión primaria" in page
    assert "Download the PDF" not in page and "primary suppression" not in page

    pdf = pdf_text(client.get(reverse("packs:pack_pdf", args=[pack.pk])).content)
    assert "Campaña:" in pdf and "Campaign:" not in pdf

    body = client.get(f"/api/v1/evidence-packs/{pack.pk}").json()
    assert "primary suppression" in str(body)
