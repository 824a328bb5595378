"""A group's goals page speaks Spanish to a facilitator who chose it, messages included."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.group_outcomes.tests.factories import make_group
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_goals_page_is_in_spanish(cast):
    facilitator = cast["group_facilitator"]
    facilitator.language = "es"
    facilitator.save(update_fields=["language"])
    group = make_group([facilitator])
    url = reverse("group_outcomes:goals", args=[group.pk])
    data = {
        "description": "Sentirse menos solos",
        "measure": "Pregunta",
        "target": "La mayoría",
        "status": "active",
    }

    html = client_for(facilitator).post(url, data, follow=True).content.decode()

    assert "Objetivo agregado." in html and "Goal added." not in html
    assert "Agregar un objetivo" in html and "Add a goal" not in html
    assert "Activo" in html and "Measure or indicator" not in html
