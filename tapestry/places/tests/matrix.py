"""URL arguments for the places routes in the authorization matrix."""

from __future__ import annotations

from tapestry.places.models import Area


def examples(world: dict) -> dict[str, dict]:
    area = Area.objects.create(kind=Area.Kind.NEIGHBOURHOOD, code="MATRIX-1", name="Matrix neighbourhood")
    return {
        "places:area_detail": {"pk": area.pk},
        "places:area_edit": {"pk": area.pk},
        "GET /api/v1/places/areas/{area_id}": {"area_id": area.pk},
        "PATCH /api/v1/places/areas/{area_id}": {"area_id": area.pk},
    }
