"""The case workspace's sections in Spanish for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.casework.tests.factories import note_for, plan_for
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_notes_and_plan_sections_read_in_spanish(cast):
    case = open_case(cast.caseworker)
    plan_for(cast.caseworker, case)
    note_for(cast.caseworker, case, title="Visit", signed=False)
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    client = client_for(cast.caseworker)

    notes = client.get(reverse("workspace:notes", args=[case.pk]), **HTMX).content.decode()
    assert "1 nota en este caso, 1 sin firmar." in notes and "note on this case" not in notes
    assert "Borrador sin firmar" in notes and "Unsigned draft" not in notes

    page = client.get(reverse("workspace:plan", args=[case.pk])).content.decode()
    assert "Objetivos y tareas abiertos: caso" in page and "Open goals and tasks" not in page
    assert "Tareas abiertas" in page and "Open tasks" not in page
