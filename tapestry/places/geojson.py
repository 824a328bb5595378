"""Reading area boundaries written as GeoJSON (RFC 7946): checking a geometry, and the features of a file.

Only what an area's boundary needs: a Polygon or a MultiPolygon (RFC 7946 sections 3.1.6 and 3.1.7),
whose linear rings are closed (first and last positions equal) and have at least four positions
(section 3.1.6), with positions in longitude, latitude order in WGS 84 (sections 3.1.1 and 4).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

AREA_GEOMETRIES = ("Polygon", "MultiPolygon")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _position_problem(position: Any) -> str:
    if not isinstance(position, list) or len(position) < 2 or not all(_number(n) for n in position[:3]):
        return "A position is a list of two numbers: longitude, then latitude."
    longitude, latitude = position[0], position[1]
    if not -180 <= longitude <= 180:
        return gettext("Longitude %(longitude)s is outside -180 to 180.") % {"longitude": longitude}
    if not -90 <= latitude <= 90:
        return gettext(
            "Latitude %(latitude)s is outside -90 to 90 (GeoJSON gives longitude first, then latitude)."
        ) % {"latitude": latitude}
    return ""


def _ring_problems(ring: Any, where: str) -> list[str]:
    if not isinstance(ring, list) or len(ring) < 4:
        return [
            gettext(
                "%(where)s needs at least four positions (a closed ring repeats its first position last)."
            )
            % {"where": where}
        ]
    for position in ring:
        problem = _position_problem(position)
        if problem:
            return [f"{where}: {problem}"]
    if ring[0][:2] != ring[-1][:2]:
        return [
            gettext("%(where)s is not closed: its last position must be the same as its first.")
            % {"where": where}
        ]
    return []


def _polygon_problems(rings: Any, where: str) -> list[str]:
    if not isinstance(rings, list) or not rings:
        return [gettext("%(where)s needs at least one ring of positions.") % {"where": where}]
    problems = []
    for number, ring in enumerate(rings):
        name = gettext("outer ring") if number == 0 else gettext("hole %(number)s") % {"number": number}
        problems += _ring_problems(ring, gettext("%(where)s, %(ring)s") % {"where": where, "ring": name})
    return problems


def geometry_problems(geometry: Any) -> list[str]:
    """What is wrong with `geometry` as an area's boundary; [] when it is a valid Polygon or MultiPolygon."""
    if not isinstance(geometry, dict):
        return ["A boundary is a GeoJSON geometry object (a Polygon or MultiPolygon)."]
    kind = geometry.get("type")
    if kind not in AREA_GEOMETRIES:
        return [
            gettext("A boundary must be a Polygon or MultiPolygon, not %(kind)s.")
            % {"kind": kind or gettext("a geometry without a type")}
        ]
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return _polygon_problems(coordinates, gettext("The polygon"))
    if not isinstance(coordinates, list) or not coordinates:
        return ["A MultiPolygon needs at least one polygon."]
    problems = []
    for number, polygon in enumerate(coordinates, start=1):
        problems += _polygon_problems(polygon, gettext("Polygon %(number)s") % {"number": number})
    return problems


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """The polygons of a valid boundary: a Polygon is a list of one."""
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def outer_positions(geometry: dict) -> Iterator[list[float]]:
    """Every position of the boundary's outer rings (enough to find its extent)."""
    for polygon in polygons(geometry):
        yield from polygon[0]


@dataclass
class Feature:
    """One feature of an uploaded FeatureCollection, as read: its number (from 1), properties and geometry."""

    number: int
    properties: dict[str, Any]
    geometry: Any
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def read_features(content: bytes) -> tuple[list[Feature], str]:
    """The features of a GeoJSON FeatureCollection (RFC 7946 section 3.3), or a whole-file problem."""
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], gettext("The file is not UTF-8 text (RFC 7946 section 11 asks for UTF-8).")
    except json.JSONDecodeError as error:
        return [], gettext("The file is not valid JSON: %(error)s at line %(line)s, column %(column)s.") % {
            "error": error.msg,
            "line": error.lineno,
            "column": error.colno,
        }
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return [], gettext("The file must hold one GeoJSON FeatureCollection.")
    features = document.get("features")
    if not isinstance(features, list) or not features:
        return [], gettext("The FeatureCollection has no features.")
    read = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            read.append(Feature(number, {}, None, [("", gettext("This is not a GeoJSON Feature."))]))
            continue
        properties = feature.get("properties")
        read.append(
            Feature(number, properties if isinstance(properties, dict) else {}, feature.get("geometry"))
        )
    return read, ""
