"""Coalitions in Spanish, for an organiser who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.macro.coalitions.tests.helpers import coalition_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_spanish_speaking_organiser_reads_the_coalition_in_spanish(cast):
    organiser = cast["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])
    coalition = coalition_with(2)

    listing = client_for(organiser).get(reverse("coalitions:coalition_list")).content.decode()
    page = (
        client_for(organiser)
        .get(reverse("coalitions:coalition_detail", args=[coalition.pk]))
        .content.decode()
    )
    missing = client_for(organiser).post(reverse("coalitions:coalition_create"), {"name": "Fair Rent"})

    assert "Registrar una coalición" in listing and "Record a coalition" not in listing
    assert "Objetivos compartidos" in page and "Shared goals" not in page
    assert missing.status_code == 400 and "Formada el" in missing.content.decode()
