"""The advocacy log in Spanish (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request in Spanish leaves Spanish active in the test's thread; the next test expects English."""
    yield
    translation.deactivate()


def test_the_advocacy_log_reads_in_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)
    advocacy_action_record(
        actor=cast.caseworker,
        case=case,
        issue="housing",
        action_taken="Wrote to the landlord.",
        agency="Harbor Property Management",
    )

    page = client_for(cast.caseworker).get(reverse("advocacy:case_index", args=[case.pk])).content.decode()
    assert "Registrar una acción de defensoría" in page
    assert "Vivienda" in page
    assert "Pendiente" in page
    assert "Log an advocacy action" not in page
    assert "Wrote to the landlord." in page  # what the worker wrote stays as written
