"""Distances on the Earth's surface: the haversine formula and a bounding box to narrow a search."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088  # the mean radius; good to a fraction of a percent at these distances
KM_PER_DEGREE_LATITUDE = 111.32


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    label: str = ""


def haversine_km(a: Point, b: Point) -> float:
    """The great-circle distance between two points, in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Box:
    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


def bounding_box(centre: Point, radius_km: float) -> Box:
    """A latitude/longitude box that holds every point within `radius_km` of `centre`.

    The database narrows candidates with this cheap box; the haversine then gives exact distances.
    """
    dlat = radius_km / KM_PER_DEGREE_LATITUDE
    # Degrees of longitude shrink towards the poles; near a pole the box spans every longitude.
    cos_lat = math.cos(math.radians(centre.latitude))
    dlon = 180.0 if cos_lat < 1e-6 else min(180.0, radius_km / (KM_PER_DEGREE_LATITUDE * cos_lat))
    return Box(
        min_latitude=max(-90.0, centre.latitude - dlat),
        max_latitude=min(90.0, centre.latitude + dlat),
        min_longitude=centre.longitude - dlon,
        max_longitude=centre.longitude + dlon,
    )
