"""The resource directory in Spanish, for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.directory.tests.factories import service_at
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_directory_speaks_spanish(cast):
    service = service_at(40.0, -75.0, needs=("food-insecurity",), name="Pantry One")
    worker = cast.caseworker
    worker.language = "es"
    worker.save(update_fields=["language"])
    client = client_for(worker)

    search = client.get(reverse("directory:search"), {"need": "food-insecurity"}).content.decode()
    assert "Directorio de recursos" in search and "Se encontró 1 servicio." in search
    assert "Resource directory" not in search and "service found" not in search

    detail = client.get(reverse("directory:service_detail", args=[service.pk])).content.decode()
    assert "Acerca del servicio" in detail and "Horario de atención" in detail and "Pantry One" in detail
    assert "About the service" not in detail and "Opening times" not in detail
