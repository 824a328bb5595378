"""School social work pages read in Spanish for a worker who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.school.tests.support import enrolled, school_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_case_page_is_in_spanish(cast):
    case = school_case(cast.caseworker)
    enrolled(case)
    cast.caseworker.language = "es"
    cast.caseworker.save()

    page = client_for(cast.caseworker).get(reverse("school:case_index", args=[case.pk])).content.decode()

    assert f"Trabajo social escolar: {case.person.display_name}" in page
    assert "Registros escolares (FERPA)" in page
    assert "Alertas de ausentismo" in page
    assert "School social work:" not in page
    assert "Truancy alerts" not in page
