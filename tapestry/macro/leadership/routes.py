"""The leadership app's rows of the route table (see tapestry/access/routes.py).

The dashboard and compliance items are AGENCY_LEAD (the agency director and the administrator).
The dashboard's practice figures also need AGGREGATE_READ, which the selector checks: the
administrator's dashboard shows compliance only.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "leadership:dashboard": C.AGENCY_LEAD,
    "leadership:compliance_list": C.AGENCY_LEAD,
    "leadership:compliance_create": C.AGENCY_LEAD,
    "leadership:compliance_detail": C.AGENCY_LEAD,
    "leadership:compliance_edit": C.AGENCY_LEAD,
    "leadership:compliance_done": C.AGENCY_LEAD,
    "leadership:compliance_waive": C.AGENCY_LEAD,
    "GET /api/v1/leadership/dashboard": C.AGENCY_LEAD,
    "GET /api/v1/leadership/compliance": C.AGENCY_LEAD,
    "POST /api/v1/leadership/compliance": C.AGENCY_LEAD,
    "GET /api/v1/leadership/compliance/{item_id}": C.AGENCY_LEAD,
    "PATCH /api/v1/leadership/compliance/{item_id}": C.AGENCY_LEAD,
    "POST /api/v1/leadership/compliance/{item_id}/done": C.AGENCY_LEAD,
    "POST /api/v1/leadership/compliance/{item_id}/waive": C.AGENCY_LEAD,
}
