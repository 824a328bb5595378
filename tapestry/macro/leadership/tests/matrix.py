"""URL arguments for the leadership routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.access.models import Role
from tapestry.macro.leadership.tests.support import an_item


def examples(world: dict) -> dict[str, dict]:
    item = an_item(world["cast"][Role.AGENCY_DIRECTOR])
    return {
        "leadership:compliance_detail": {"pk": item.pk},
        "leadership:compliance_edit": {"pk": item.pk},
        "leadership:compliance_done": {"pk": item.pk},
        "leadership:compliance_waive": {"pk": item.pk},
        "GET /api/v1/leadership/compliance/{item_id}": {"item_id": item.pk},
        "PATCH /api/v1/leadership/compliance/{item_id}": {"item_id": item.pk},
        "POST /api/v1/leadership/compliance/{item_id}/done": {"item_id": item.pk},
        "POST /api/v1/leadership/compliance/{item_id}/waive": {"item_id": item.pk},
    }
