"""The level advisor in Spanish, for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for
from tapestry.thread.advisor.tests.support import client_case

pytestmark = pytest.mark.django_db


def test_the_advisor_speaks_spanish(cast):
    worker = cast.caseworker
    case = client_case(worker)
    worker.language = "es"
    worker.save(update_fields=["language"])

    page = client_for(worker).get(reverse("advisor:case_index", args=[case.pk])).content.decode()

    assert (
        "Intervenciones adecuadas" in page
        and "Grupos con cupo" in page
        and "Catálogo de intervenciones" in page
    )
    assert "Interventions that fit" not in page and "Groups with space" not in page
