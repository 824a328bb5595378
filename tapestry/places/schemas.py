"""Typed request and response bodies of the places API."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

from tapestry.places.models import Area
from tapestry.web.schemas import ErrorOut, Input, label_of, stripped_text

KindValue = Literal[tuple(Area.Kind.values)]
Postcode = stripped_text(20, required=True)


class AreaRefOut(Schema):
    id: int
    kind: str
    code: str
    name: str


class AreaListItemOut(Schema):
    id: int
    kind: str
    kind_label: str = label_of("kind")
    code: str
    name: str
    parent: AreaRefOut | None
    has_boundary: bool
    postcode_count: int = Field(description="Postcodes given to this area itself (not those of inner areas).")
    version: int

    @staticmethod
    def resolve_has_boundary(obj: Area) -> bool:
        return obj.boundary is not None


class AreaOut(AreaListItemOut):
    boundary: dict[str, Any] | None = Field(description="A GeoJSON Polygon or MultiPolygon (RFC 7946).")
    postcodes: list[str] = Field(description="Every postcode the area holds: its own and its inner areas'.")

    @staticmethod
    def resolve_postcodes(obj: Area) -> list[str]:
        return sorted(row.postcode for row in obj.postcodes.all())


class AreaIn(Input):
    kind: KindValue
    code: stripped_text(40, required=True)
    name: stripped_text(150, required=True)
    parent_id: int | None = Field(None, description="The area this one is inside.")
    boundary: dict[str, Any] | None = Field(None, description="A GeoJSON Polygon or MultiPolygon.")
    postcodes: list[Postcode] = Field(
        [], description="The postcodes it covers (a postcode area covers itself)."
    )


class AreaPatch(Input):
    """Send `version` (from the area you read) and only the fields you change."""

    version: int = Field(ge=1)
    name: stripped_text(150, required=True) = None
    parent_id: int | None = None
    boundary: dict[str, Any] | None = None
    postcodes: list[Postcode] = None


class FeatureProblemOut(Schema):
    feature: int = Field(description="The feature's position in the file, from 1; 0 = the whole file.")
    code: str
    field: str
    message: str


class BoundaryImportOut(Schema):
    source: str
    summary: str
    created: list[str]
    updated: list[str]


class BoundaryRefusedOut(ErrorOut):
    problems: list[FeatureProblemOut]


class CountCellOut(Schema):
    label: str
    value: int | None = Field(description="null where the count is suppressed (fewer than the threshold).")


class CaseMapOut(Schema):
    kind: str
    title: str
    note: str
    cells: list[CountCellOut]
    total: CountCellOut
