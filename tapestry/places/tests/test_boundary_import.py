"""Importing boundaries from a GeoJSON FeatureCollection: every feature checked, a report per feature,
nothing stored unless every feature is good."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from tapestry.access.models import AuditEntry
from tapestry.places import selectors
from tapestry.places.models import Area
from tapestry.places.services import boundary_import
from tapestry.places.tests.support import POINT, SQUARE, TWO_PARTS, WITH_HOLE, collection, feature, make_area

pytestmark = pytest.mark.django_db
K = Area.Kind


def run(cast, content, **options):
    return boundary_import(
        actor=cast.by_role["community_organiser"], source="areas.geojson", content=content, **options
    )


def test_new_codes_make_areas_and_known_codes_get_their_boundary(cast):
    known = make_area(K.NEIGHBOURHOOD, "N1", "North")
    content = collection(
        feature(SQUARE, code="N1"),
        feature(WITH_HOLE, code="N2", name="South", postcodes=["00811", "00812"]),
        feature(TWO_PARTS, code="C1", name="Two-part county", kind="county"),
    )

    report = run(cast, content)

    assert report.ok and report.created == ["South", "Two-part county"] and report.updated == ["North"]
    known.refresh_from_db()
    assert known.boundary == SQUARE and known.name == "North" and known.version == 2
    assert Area.objects.get(kind=K.COUNTY, code="C1").boundary == TWO_PARTS
    assert [a.code for a in selectors.areas_holding("00812")] == ["N2"]
    entry = AuditEntry.objects.filter(object_type="places.boundary_import").get()
    assert entry.purpose.startswith("Imported areas.geojson: 2 new area(s), 1 boundary(ies) updated")


def test_parents_may_be_named_in_the_file_or_already_stored(cast):
    make_area(K.COUNTY, "C1", "Stored county")
    content = collection(
        feature(SQUARE, code="N1", name="North", parent="D1"),
        feature(SQUARE, code="D1", name="District", kind="school_district", parent="C1"),
    )

    assert run(cast, content).ok

    north = Area.objects.get(code="N1")
    assert north.parent.code == "D1" and north.parent.parent.code == "C1"


def test_one_bad_feature_stores_nothing_and_each_problem_is_reported_by_feature(cast):
    make_area(K.NEIGHBOURHOOD, "N1", "North")
    unclosed = {"type": "Polygon", "coordinates": [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0]]]}
    content = collection(
        feature(SQUARE, code="N1"),  # good
        feature(POINT, code="N2", name="Point"),
        feature(unclosed, code="N3", name="Open"),
        feature(SQUARE, name="No code"),
        feature(SQUARE, code="N4"),  # new, but no name
        feature(SQUARE, code="N5", name="Lost", parent="NOWHERE"),
        feature(SQUARE, code="N6", name="Odd kind", kind="planet"),
        feature(SQUARE, code="N2", name="Again"),
    )

    report = run(cast, content)

    assert not report.ok
    problems = {(p.feature, p.field): p.message for p in report.problems}
    assert "not Point" in problems[(2, "geometry")]
    assert "is not closed" in problems[(3, "geometry")]
    assert "needs the property 'code'" in problems[(4, "code")]
    assert "needs a name" in problems[(5, "name")]
    assert "No area has the code 'NOWHERE'" in problems[(6, "parent")]
    assert "'planet' is not a kind of area" in problems[(7, "kind")]
    assert "Feature 2 already gives this code" in problems[(8, "code")]
    assert 1 not in {p.feature for p in report.problems}
    assert report.summary() == "Nothing was imported from areas.geojson: 7 features with problems."
    assert list(Area.objects.values_list("code", "boundary")) == [("N1", None)]
    assert not AuditEntry.objects.filter(object_type="places.boundary_import").exists()


def test_a_nesting_loop_in_the_file_is_refused(cast):
    make_area(K.COUNTY, "C1", "County")
    content = collection(
        feature(SQUARE, code="C1", kind="county", parent="N1"),
        feature(SQUARE, code="N1", name="North", parent="C1"),
    )

    report = run(cast, content)

    assert {(p.feature, p.field) for p in report.problems} == {(1, "parent"), (2, "parent")}
    assert Area.objects.count() == 1


def test_the_code_may_come_from_another_property_and_a_kind_for_the_file(cast):
    content = collection(feature(SQUARE, GEOID="4200101", name="District One"))

    report = run(cast, content, kind=K.SCHOOL_DISTRICT, code_property="GEOID")

    assert report.ok
    assert Area.objects.get().code == "4200101" and Area.objects.get().kind == K.SCHOOL_DISTRICT


def test_a_parent_code_two_kinds_share_must_say_its_kind(cast):
    make_area(K.COUNTY, "X", "County X")
    make_area(K.SCHOOL_DISTRICT, "X", "District X")

    vague = run(cast, collection(feature(SQUARE, code="N1", name="North", parent="X")))
    clear = run(cast, collection(feature(SQUARE, code="N1", name="North", parent="X", parent_kind="county")))

    assert "say which with 'parent_kind'" in vague.problems[0].message
    assert clear.ok and Area.objects.get(code="N1").parent.kind == K.COUNTY


def test_a_file_that_is_not_a_feature_collection_is_reported_as_a_whole(cast):
    report = run(cast, b'{"type": "Polygon"}')
    assert [(p.feature, p.message) for p in report.problems] == [
        (0, "The file must hold one GeoJSON FeatureCollection.")
    ]


def test_importing_needs_the_area_capability(cast):
    with pytest.raises(PermissionDenied):
        boundary_import(
            actor=cast.by_role["supervisor"],
            source="a",
            content=collection(feature(SQUARE, code="A", name="A")),
        )
