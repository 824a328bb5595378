"""The family plan speaks Spanish to a worker who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.families.tests.helpers import goal_for, plan_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_family_plan_is_in_spanish(cast):
    worker = cast.caseworker
    plan = plan_for(worker)
    goal_for(worker, plan)
    worker.language = "es"
    worker.save(update_fields=["language"])

    page = client_for(worker).get(reverse("families:case_index", args=[plan.case_id])).content.decode()

    assert "Objetivos para la familia" in page and "Goals for the family" not in page
    assert "Fortalezas" in page and "Strengths" not in page
    assert "En curso" in page and "In progress" not in page
    assert "Toda la familia" in page and "The whole family" not in page
