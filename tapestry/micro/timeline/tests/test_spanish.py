"""A person's timeline and ecomap in Spanish for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def test_the_timeline_and_ecomap_read_in_spanish(cast):
    case = open_case(cast.caseworker)
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    client = client_for(cast.caseworker)

    page = client.get(reverse("timeline:person_timeline", args=[case.person.pk])).content.decode()
    assert "Cronología de" in page and "Timeline of" not in page
    assert f"Caso {case.number} abierto" in page and f"Case {case.number} opened" not in page
    assert "Registrado" in page

    ecomap = client.get(reverse("timeline:person_ecomap", args=[case.person.pk])).content.decode()
    assert "Ecomapa de" in ecomap and "Ecomap of" not in ecomap
    assert "Conexiones" in ecomap and "Connections" not in ecomap
