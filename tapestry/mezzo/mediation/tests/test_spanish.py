"""A dispute's page speaks Spanish to a mediator who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.mediation import services
from tapestry.mezzo.mediation.tests.helpers import a_dispute
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_dispute_page_is_in_spanish(cast):
    mediator = cast.caseworker
    dispute = a_dispute(mediator)
    issue = services.issue_add(actor=mediator, dispute=dispute, description="Estacionamiento")
    mediator.language = "es"
    mediator.save(update_fields=["language"])
    client = client_for(mediator)

    page = client.post(
        reverse("mediation:issue_status", args=[issue.pk]), {"status": "resolved"}, follow=True
    )
    html = page.content.decode()

    assert "Asunto marcado como resuelto." in html and "Issue marked" not in html
    assert "Registrar un acuerdo" in html and "Record an agreement" not in html
    assert "Estado de este asunto" in html and "Status of this issue" not in html
