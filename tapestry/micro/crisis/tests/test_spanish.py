"""The safety plan in Spanish (issue 12, item 10): the page, the printout that goes home with the client,
and the PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request in Spanish leaves Spanish active in the test's thread; the next test expects English."""
    yield
    translation.deactivate()


def test_the_safety_plan_its_printout_and_its_pdf_read_in_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    client = client_for(cast.caseworker)

    page = client.get(reverse("crisis:safety_plan", kwargs={"case_pk": case.pk})).content.decode()
    assert "Señales de advertencia de que puede venir una crisis" in page
    assert "Copia para imprimir" in page
    assert "Warning signs that a crisis may be coming" not in page

    printout = client.get(reverse("crisis:safety_plan_print", kwargs={"case_pk": case.pk})).content.decode()
    assert "Mi plan de seguridad" in printout
    assert "Si está en peligro inmediato" in printout
    assert "My safety plan" not in printout
    assert "Pulling away from friends" in printout  # the client's own words stay as written

    pdf = client.get(reverse("crisis:safety_plan_pdf", kwargs={"case_pk": case.pk}))
    text = " ".join(pdf_text(pdf.content).split())
    assert "Mi plan de seguridad" in text
    assert "My safety plan" not in text
