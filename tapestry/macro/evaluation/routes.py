"""The evaluation app's rows of the route table (see tapestry/access/routes.py).

Indicators and their values are aggregates: anyone who reads aggregates may read them; defining
and changing them is the evaluator's and the program manager's work.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "evaluation:indicator_list": C.AGGREGATE_READ,
    "evaluation:indicator_detail": C.AGGREGATE_READ,
    "evaluation:indicator_create": C.EVALUATION_MANAGE,
    "evaluation:indicator_edit": C.EVALUATION_MANAGE,
    "GET /api/v1/indicators": C.AGGREGATE_READ,
    "POST /api/v1/indicators": C.EVALUATION_MANAGE,
    "GET /api/v1/indicators/measures": C.AGGREGATE_READ,
    "GET /api/v1/indicators/{indicator_id}": C.AGGREGATE_READ,
    "PATCH /api/v1/indicators/{indicator_id}": C.EVALUATION_MANAGE,
}
