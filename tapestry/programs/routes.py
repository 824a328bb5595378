"""The programs app's rows of the route table (see tapestry/access/routes.py).

Programs are agency facts, not client records: reading them needs organisation access, designing
them (logic model, budget, staff) PROGRAM_MANAGE, and their reach (counts of people) AGGREGATE_READ.
Which programs a holder may change or see the reach of is checked per object (404 otherwise).
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "programs:program_list": C.ORGANISATION_READ,
    "programs:program_detail": C.ORGANISATION_READ,
    "programs:program_create": C.PROGRAM_MANAGE,
    "programs:program_edit": C.PROGRAM_MANAGE,
    "programs:program_staff": C.PROGRAM_MANAGE,
    "programs:staff_remove": C.PROGRAM_MANAGE,
    "programs:logic_model_edit": C.PROGRAM_MANAGE,
    "programs:logic_item_edit": C.PROGRAM_MANAGE,
    "programs:logic_item_remove": C.PROGRAM_MANAGE,
    "programs:logic_item_move": C.PROGRAM_MANAGE,
    "programs:program_budget": C.PROGRAM_MANAGE,
    "programs:budget_line_edit": C.PROGRAM_MANAGE,
    "programs:budget_line_remove": C.PROGRAM_MANAGE,
    "programs:program_reach": C.AGGREGATE_READ,
    "GET /api/v1/programs": C.ORGANISATION_READ,
    "POST /api/v1/programs": C.PROGRAM_MANAGE,
    "GET /api/v1/programs/{program_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/programs/{program_id}": C.PROGRAM_MANAGE,
    "GET /api/v1/programs/{program_id}/logic-model": C.ORGANISATION_READ,
    "POST /api/v1/programs/{program_id}/logic-model": C.PROGRAM_MANAGE,
    "PATCH /api/v1/logic-model-items/{item_id}": C.PROGRAM_MANAGE,
    "DELETE /api/v1/logic-model-items/{item_id}": C.PROGRAM_MANAGE,
    "GET /api/v1/programs/{program_id}/budget-lines": C.ORGANISATION_READ,
    "POST /api/v1/programs/{program_id}/budget-lines": C.PROGRAM_MANAGE,
    "GET /api/v1/programs/{program_id}/staff": C.ORGANISATION_READ,
    "POST /api/v1/programs/{program_id}/staff": C.PROGRAM_MANAGE,
    "GET /api/v1/programs/{program_id}/reach": C.AGGREGATE_READ,
}
