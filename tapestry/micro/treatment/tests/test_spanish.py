"""Treatment pages read in Spanish for a worker who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.treatment.tests.support import checkin_for, plan_for, substance_use_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_case_page_is_in_spanish(cast):
    case = substance_use_case(cast.caseworker)
    plan_for(case)
    checkin_for(case)
    cast.caseworker.language = "es"
    cast.caseworker.save()

    page = client_for(cast.caseworker).get(reverse("treatment:case_index", args=[case.pk])).content.decode()

    assert f"Tratamiento: {case.person.display_name}" in page
    assert "Plan de tratamiento" in page
    assert "Controles de medicación" in page
    assert "Medication check-ins" not in page
    assert "Treatment plan" not in page
