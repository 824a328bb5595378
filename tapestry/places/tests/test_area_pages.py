"""The places pages as staff use them: the list, an area, adding and changing one, the import and the map."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tapestry.places.models import Area
from tapestry.places.tests.support import POINT, SQUARE, box, collection, feature, make_area
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db
K = Area.Kind


def test_the_list_shows_areas_and_offers_changes_only_to_those_who_manage_them(cast):
    county = make_area(K.COUNTY, "C1", "Demo County")
    make_area(K.NEIGHBOURHOOD, "N1", "Millbrook", parent=county, postcodes=("00801", "00802"))

    organiser = (
        client_for(cast.by_role["community_organiser"]).get(reverse("places:area_list")).content.decode()
    )
    caseworker = (
        client_for(cast.caseworker)
        .get(reverse("places:area_list"), {"kind": "neighbourhood"})
        .content.decode()
    )

    assert "Millbrook" in organiser and "Add an area" in organiser and "Map of cases by area" in organiser
    assert "Millbrook" in caseworker and "Demo County</a>" not in caseworker
    assert "Add an area" not in caseworker and "Map of cases" not in caseworker


def test_an_area_page_shows_where_it_sits_and_its_postcodes(cast):
    county = make_area(K.COUNTY, "C1", "Demo County", postcodes=("00900",))
    town = make_area(K.NEIGHBOURHOOD, "N1", "Millbrook", parent=county, postcodes=("00801",))
    make_area(K.CUSTOM, "B1", "Mill Street", parent=town)

    page = (
        client_for(cast.caseworker)
        .get(reverse("places:area_detail", kwargs={"pk": town.pk}))
        .content.decode()
    )

    assert "inside <a" in page and "Demo County" in page and "Mill Street" in page
    assert "Given to this area: 00801" in page


def test_adding_an_area_from_the_form(cast):
    client = client_for(cast.by_role["community_organiser"])
    county = make_area(K.COUNTY, "C1", "Demo County")

    answer = client.post(
        reverse("places:area_create"),
        {
            "kind": "neighbourhood",
            "code": "N7",
            "name": "Ashgrove",
            "parent": county.pk,
            "postcodes": "00801, 00802 00803",
            "boundary": "",
        },
    )

    area = Area.objects.get(code="N7")
    assert answer.status_code == 302 and answer.url == reverse("places:area_detail", kwargs={"pk": area.pk})
    assert sorted(area.postcodes.filter(given=True).values_list("postcode", flat=True)) == [
        "00801",
        "00802",
        "00803",
    ]
    assert sorted(county.postcodes.values_list("postcode", flat=True)) == ["00801", "00802", "00803"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"code": "N1", "boundary": ""}, "code", "There is already an area of this kind with this code."),
        ({"code": "N8", "boundary": "{nope"}, "boundary", "This is not valid JSON"),
        ({"code": "N8", "boundary": '{"type": "Point", "coordinates": [0, 0]}'}, "boundary", "not Point"),
    ],
)
def test_a_bad_area_is_shown_next_to_its_field(cast, data, field, message):
    make_area(K.NEIGHBOURHOOD, "N1", "North")
    answer = client_for(cast.by_role["evaluator"]).post(
        reverse("places:area_create"), {"kind": "neighbourhood", "name": "New", "postcodes": "", **data}
    )
    assert answer.status_code == 400
    assert any(message in error for error in answer.context["form"].errors[field])
    assert Area.objects.count() == 1


def test_changing_an_area_and_refusing_a_loop(cast):
    client = client_for(cast.by_role["administrator"])
    county = make_area(K.COUNTY, "C1", "County")
    town = make_area(K.NEIGHBOURHOOD, "T", "Town", parent=county)
    url = reverse("places:area_edit", kwargs={"pk": county.pk})

    looped = client.post(
        url, {"name": "County", "parent": town.pk, "postcodes": "", "boundary": "", "version": 1}
    )
    renamed = client.post(
        url, {"name": "Big County", "parent": "", "postcodes": "00801", "boundary": "", "version": 1}
    )

    assert looped.status_code == 400 and "cannot contain itself" in looped.context["form"].errors["parent"][0]
    assert renamed.status_code == 302
    county.refresh_from_db()
    assert county.name == "Big County" and county.version == 2


def test_the_import_page_reports_each_bad_feature_and_stores_nothing(cast):
    client = client_for(cast.by_role["community_organiser"])
    bad = SimpleUploadedFile(
        "areas.geojson",
        collection(feature(SQUARE, code="N1", name="Fine"), feature(POINT, code="N2", name="Point")),
    )
    good = SimpleUploadedFile("areas.geojson", collection(feature(SQUARE, code="N1", name="Fine")))

    refused = client.post(
        reverse("places:import"), {"file": bad, "kind": "neighbourhood", "code_property": "code"}
    )
    imported = client.post(
        reverse("places:import"), {"file": good, "kind": "neighbourhood", "code_property": "code"}
    )

    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Nothing was imported from areas.geojson: 1 feature with problems." in text
    assert "<td>2</td><td>N2</td><td>geometry</td>" in text
    assert imported.status_code == 200 and "1 new area(s)" in imported.content.decode()
    assert list(Area.objects.values_list("code", flat=True)) == ["N1"]


def test_the_map_draws_each_area_with_its_suppressed_count_beside_a_table(cast):
    make_area(
        K.NEIGHBOURHOOD, "N1", "Millbrook", postcodes=("00801",), boundary=box(-75.1, 39.9, -75.0, 40.0)
    )
    make_area(K.NEIGHBOURHOOD, "N2", "No outline", postcodes=("00802",))

    page = client_for(cast.by_role["evaluator"]).get(reverse("places:case_map")).content.decode()

    assert page.count("<path ") == 1 and "<title>Millbrook (N1): 0</title>" in page
    assert re.search(r"<th scope=\"row\">No outline \(N2\)</th><td>0</td>", page)
    assert "Suppressed: fewer than 11" in page
    assert client_for(cast.by_role["administrator"]).get(reverse("places:case_map")).status_code == 403


def test_a_long_list_of_postcodes_is_cut_to_its_first_sixty(cast):
    county = make_area(K.COUNTY, "C1", "Big County", postcodes=tuple(f"{n:05d}" for n in range(100, 200)))

    page = (
        client_for(cast.caseworker)
        .get(reverse("places:area_detail", kwargs={"pk": county.pk}))
        .content.decode()
    )

    assert "Given to this area (100, the first 60 shown): 00100," in page
    assert "00159" in page and "00160" not in page
