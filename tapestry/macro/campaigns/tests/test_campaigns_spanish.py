"""The campaign pages in Spanish, for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_spanish_speaking_organiser_reads_the_campaign_in_spanish(cast):
    organiser = cast["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])
    campaign = campaign_with(2)

    listing = client_for(organiser).get(reverse("campaigns:campaign_list")).content.decode()
    page = (
        client_for(organiser).get(reverse("campaigns:campaign_detail", args=[campaign.pk])).content.decode()
    )

    assert "Iniciar una campaña" in listing
    assert "Start a campaign" not in listing
    assert "Registrar una actividad" in page and "Destinatarios" in page
    assert "Record an activity" not in page
    assert "2 firmas" in page
