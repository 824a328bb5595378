"""Child-welfare pages read in Spanish for a worker who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.micro.child_welfare.tests.support import cw_case, granted, report_on
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_case_record_is_in_spanish(cast):
    worker = granted(cast[Role.CHILD_WELFARE_WORKER])
    case = cw_case(worker)
    report_on(case)
    worker.language = "es"
    worker.save()

    page = client_for(worker).get(reverse("child_welfare:case_index", args=[case.pk])).content.decode()

    assert f"Bienestar infantil: {case.person.display_name}" in page
    assert "Informes e investigaciones" in page
    assert "En espera de tamizaje" in page
    assert "Reports and investigations" not in page
    assert "Awaiting screening" not in page
