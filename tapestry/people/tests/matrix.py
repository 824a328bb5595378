"""URL arguments for the people app's consent API routes in the authorization matrix."""

from __future__ import annotations


def examples(world: dict) -> dict[str, dict]:
    return {
        "POST /api/v1/consents/{consent_id}/revoke": {"consent_id": world["consent"].pk},
        "people:person_disclosures": {"pk": world["person"].pk},
    }
