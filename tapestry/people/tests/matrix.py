"""URL arguments for the people app's consent API routes in the authorization matrix."""

from __future__ import annotations

from tapestry.access.models import Consent


def examples(world: dict) -> dict[str, dict]:
    # The matrix's world has a consent; a world built elsewhere (the API fuzz run) gets one here.
    consent = world.get("consent") or Consent.objects.create(
        person=world["person"], information="Name", purpose="referral"
    )
    return {
        "POST /api/v1/consents/{consent_id}/revoke": {"consent_id": consent.pk},
        "people:person_disclosures": {"pk": world["person"].pk},
    }
