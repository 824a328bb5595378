"""A boundary is a GeoJSON Polygon or MultiPolygon with closed rings in longitude, latitude (RFC 7946)."""

from __future__ import annotations

import pytest

from tapestry.places import geojson
from tapestry.places.tests.support import POINT, SQUARE, TWO_PARTS, WITH_HOLE


@pytest.mark.parametrize("geometry", [SQUARE, WITH_HOLE, TWO_PARTS])
def test_the_rfc_examples_of_polygons_are_boundaries(geometry):
    assert geojson.geometry_problems(geometry) == []


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        (POINT, "must be a Polygon or MultiPolygon, not Point"),
        ({"type": "LineString", "coordinates": [[102.0, 0.0], [103.0, 1.0]]}, "not LineString"),
        ("Polygon", "is a GeoJSON geometry object"),
        (
            {"type": "Polygon", "coordinates": [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0]]]},
            "is not closed",
        ),
        (
            {"type": "Polygon", "coordinates": [[[100.0, 0.0], [101.0, 0.0], [100.0, 0.0]]]},
            "at least four positions",
        ),
        ({"type": "Polygon", "coordinates": []}, "at least one ring"),
        # Latitude first, as people often write it: 120 is no latitude.
        (
            {"type": "Polygon", "coordinates": [[[0.0, 120.0], [1.0, 120.0], [1.0, 121.0], [0.0, 120.0]]]},
            "Latitude 120.0 is outside -90 to 90",
        ),
        (
            {"type": "Polygon", "coordinates": [[[190.0, 0.0], [191.0, 0.0], [191.0, 1.0], [190.0, 0.0]]]},
            "Longitude 190.0 is outside -180 to 180",
        ),
        ({"type": "Polygon", "coordinates": [[["a", 0], [1, 0], [1, 1], ["a", 0]]]}, "two numbers"),
        ({"type": "MultiPolygon", "coordinates": []}, "at least one polygon"),
    ],
)
def test_anything_else_is_refused_with_the_reason(geometry, expected):
    problems = geojson.geometry_problems(geometry)
    assert problems and expected in problems[0]


def test_a_bad_hole_is_named_as_the_hole():
    holed = {
        "type": "Polygon",
        "coordinates": [SQUARE["coordinates"][0], [[100.2, 0.2], [100.8, 0.2], [100.8, 0.8], [100.2, 0.9]]],
    }
    assert geojson.geometry_problems(holed) == [
        "The polygon, hole 1 is not closed: its last position must be the same as its first."
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"type": "Feature", "geometry": null, "properties": {}}', "one GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "has no features"),
        ("{}".encode("utf-16"), "not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_feature_collection_is_one_problem(content, expected):
    features, problem = geojson.read_features(content)
    assert features == [] and expected in problem
