"""Client alerts in Spanish (issue 12, item 10): the alerts page and the alert on a note page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tapestry.micro.alerts.tests.support import phq9
from tapestry.micro.casework.tests.factories import note_for
from tapestry.micro.crisis.tests.factories import crisis_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request in Spanish leaves Spanish active in the test's thread; the next test expects English."""
    yield
    translation.deactivate()


def test_the_alerts_of_a_client_read_in_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = crisis_case(cast.caseworker)
    phq9(cast.caseworker, case, item9=1)
    note = note_for(cast.caseworker, case)
    client = client_for(cast.caseworker)

    page = client.get(reverse("alerts:person_alerts", args=[case.person_id])).content.decode()
    assert "Vigentes ahora" in page
    assert "Riesgo de suicidio" in page
    assert "In force now" not in page
    assert "Suicide risk" not in page

    on_note = client.get(reverse("casework:note_detail", args=[note.pk])).content.decode()
    assert "Alertas" in on_note
    assert "Riesgo de suicidio" in on_note
