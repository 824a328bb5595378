"""The places pages in Spanish for a user who chose it (issue 12, item 10); area names are data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.places.models import Area
from tapestry.places.tests.support import make_area
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_area_list_and_an_area_read_in_spanish(cast):
    county = make_area(Area.Kind.COUNTY, "C1", "Demo County")
    town = make_area(Area.Kind.NEIGHBOURHOOD, "N1", "Millbrook", parent=county, postcodes=("00801",))
    organiser = cast.by_role["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])
    client = client_for(organiser)

    listing = client.get(reverse("places:area_list")).content.decode()
    assert "Agregar un área" in listing and "Add an area" not in listing
    assert "Vecindario" in listing and "Millbrook" in listing

    page = client.get(reverse("places:area_detail", kwargs={"pk": town.pk})).content.decode()
    assert "Asignados a esta área: 00801" in page and "Given to this area" not in page


def test_the_map_of_cases_reads_in_spanish(cast):
    make_area(Area.Kind.NEIGHBOURHOOD, "N1", "Millbrook", postcodes=("00801",))
    evaluator = cast.by_role["evaluator"]
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])

    page = client_for(evaluator).get(reverse("places:case_map")).content.decode()
    assert "<caption>Casos por área</caption>" in page and "Cases by area" not in page
    assert "Casos por vecindario" in page and "Recuentos de casos, nunca nombres." in page
    # The measure's own rows (not areas) are its fixed words, shown in Spanish.
    assert "Dirección confidencial" in page and "Address confidential" not in page
    assert "En ninguna área de este tipo" in page and "Not in any area of this kind" not in page
