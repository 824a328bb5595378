"""URL arguments for the evidence packs' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.thread.packs.tests.support import housing_campaign, pack_for


def examples(world: dict) -> dict[str, dict]:
    pack = pack_for(housing_campaign("Matrix pack campaign"))
    return {
        "packs:pack_detail": {"pk": pack.pk},
        "packs:pack_edit": {"pk": pack.pk},
        "packs:pack_pdf": {"pk": pack.pk},
        "packs:pack_csv": {"pk": pack.pk},
        "packs:pack_create": {"campaign_id": pack.campaign_id},
        "GET /api/v1/evidence-packs/{pack_id}": {"pack_id": pack.pk},
    }
