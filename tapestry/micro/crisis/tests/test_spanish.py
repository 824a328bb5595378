"""The safety plan in Spanish (issue 12, item 10): the page, the printout that goes home with the client,
and the PDF."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tapestry.micro.crisis.reasons import risk_reason, shown_reason
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


def test_the_alert_reason_a_risk_assessment_stores_is_shown_in_the_readers_language():
    stored = risk_reason(datetime.date(2026, 12, 4), "high", "Thoughts most days.")
    assert stored == "Risk assessment on 2026-12-04: suicide risk high. Thoughts most days."
    assert shown_reason(stored) == stored
    with translation.override("es"):
        shown = shown_reason(stored)
        assert shown.startswith("Evaluación del riesgo del 2026-12-04: riesgo de suicidio ")
        assert shown.endswith(". Thoughts most days.") and "Risk assessment" not in shown
        assert shown_reason("2026-12-04: PHQ-9 item 9") == "2026-12-04: PHQ-9 item 9"
