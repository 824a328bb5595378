"""Test support for places: GeoJSON written the way RFC 7946's own examples are (section 1.5 and
appendix A: a Polygon of one closed ring, a Polygon with a hole, a MultiPolygon), on synthetic codes."""

from __future__ import annotations

import json
from typing import Any

from tapestry.places.models import Area, AreaPostcode

# RFC 7946 appendix A.3, "No holes": the ring's first and last positions are the same.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]]],
}
# Appendix A.3, "With holes": the exterior ring, then an interior ring.
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]],
        [[100.8, 0.8], [100.8, 0.2], [100.2, 0.2], [100.2, 0.8], [100.8, 0.8]],
    ],
}
# Appendix A.6, MultiPolygons.
TWO_PARTS = {
    "type": "MultiPolygon",
    "coordinates": [
        [[[102.0, 2.0], [103.0, 2.0], [103.0, 3.0], [102.0, 3.0], [102.0, 2.0]]],
        [
            [[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0], [100.0, 0.0]],
            [[100.2, 0.2], [100.2, 0.8], [100.8, 0.8], [100.8, 0.2], [100.2, 0.2]],
        ],
    ],
}
# Section 1.5's example FeatureCollection holds a Point and a LineString: not an area's boundary.
POINT = {"type": "Point", "coordinates": [102.0, 0.5]}


def box(west: float, south: float, east: float, north: float) -> dict:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry: Any, **properties: Any) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def make_area(
    kind: str,
    code: str,
    name: str = "",
    *,
    parent: Area | None = None,
    postcodes: tuple = (),
    boundary: dict | None = None,
) -> Area:
    """An area written directly, with its own postcodes (inherited ones are the services' business)."""
    area = Area.objects.create(kind=kind, code=code, name=name or code, parent=parent, boundary=boundary)
    AreaPostcode.objects.bulk_create([AreaPostcode(area=area, postcode=p) for p in postcodes])
    return area
