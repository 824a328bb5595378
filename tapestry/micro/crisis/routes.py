"""The crisis app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "crisis:case_index": C.PERSON_READ,
    "crisis:risk_assessment_new": C.PERSON_WRITE,
    "crisis:risk_assessment_detail": C.PERSON_READ,
    "crisis:safety_plan": C.PERSON_READ,
    "crisis:safety_plan_edit": C.PERSON_WRITE,
    "crisis:safety_plan_print": C.PERSON_READ,
    "crisis:safety_plan_pdf": C.PERSON_READ,
    "crisis:follow_up_new": C.PERSON_WRITE,
    "crisis:follow_up_complete": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/risk-assessments": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/risk-assessments": C.PERSON_WRITE,
    "GET /api/v1/risk-assessments/{risk_assessment_id}": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/safety-plan": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/safety-plan/pdf": C.PERSON_READ,
    "PUT /api/v1/cases/{case_id}/safety-plan": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/follow-ups": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/follow-ups": C.PERSON_WRITE,
    "POST /api/v1/follow-ups/{follow_up_id}/complete": C.PERSON_WRITE,
}
