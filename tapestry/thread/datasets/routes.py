"""The research data sets' rows of the route table (see tapestry/access/routes.py).

Every route needs RESEARCH_EXPORT, which only evaluators hold: the definitions name no one, but an
export is drawn from person-level records, so it is kept to the role whose work is research.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "datasets:data_set_list": C.RESEARCH_EXPORT,
    "datasets:data_set_create": C.RESEARCH_EXPORT,
    "datasets:data_set_detail": C.RESEARCH_EXPORT,
    "datasets:export_request": C.RESEARCH_EXPORT,
    "datasets:export_detail": C.RESEARCH_EXPORT,
    "datasets:export_download": C.RESEARCH_EXPORT,
    "GET /api/v1/datasets": C.RESEARCH_EXPORT,
    "POST /api/v1/datasets": C.RESEARCH_EXPORT,
    "GET /api/v1/datasets/{data_set_id}": C.RESEARCH_EXPORT,
    "POST /api/v1/datasets/{data_set_id}/exports": C.RESEARCH_EXPORT,
    "GET /api/v1/dataset-exports/{export_id}": C.RESEARCH_EXPORT,
    "GET /api/v1/dataset-exports/{export_id}/file": C.RESEARCH_EXPORT,
}
