"""URL arguments for the directory's routes in the authorization matrix."""

from __future__ import annotations

from tapestry.directory.tests.factories import service_at


def examples(world: dict) -> dict[str, dict]:
    service = service_at(40.0, -75.0, needs=("food-insecurity",), name="Matrix pantry")
    return {
        "directory:service_detail": {"pk": service.pk},
        "GET /api/v1/directory/services/{service_id}": {"service_id": service.pk},
    }
