"""The cases app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "cases:case_list": C.PERSON_READ,
    "cases:caseload": C.PERSON_READ,
    "cases:case_open": C.PERSON_WRITE,
    "cases:case_open_for": C.PERSON_WRITE,
    "cases:person_cases": C.PERSON_READ,
    "cases:case_detail": C.PERSON_READ,
    "cases:case_summary_pdf": C.PERSON_READ,
    "cases:case_edit": C.PERSON_WRITE,
    "cases:case_hold": C.PERSON_WRITE,
    "cases:case_reopen": C.PERSON_WRITE,
    "cases:case_close": C.PERSON_WRITE,
    "cases:need_add": C.PERSON_WRITE,
    "cases:need_status": C.PERSON_WRITE,
    "GET /api/v1/cases": C.PERSON_READ,
    "POST /api/v1/cases": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/summary-pdf": C.PERSON_READ,
    "PATCH /api/v1/cases/{case_id}": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/close": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/needs": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/needs": C.PERSON_WRITE,
    "PATCH /api/v1/cases/{case_id}/needs/{case_need_id}": C.PERSON_WRITE,
}
