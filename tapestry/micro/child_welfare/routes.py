"""The child-welfare app's rows of the route table (see tapestry/access/routes.py).

Capabilities only open the door; every view and operation also needs the child-welfare
segment grant and the family in the user's reach, which the selectors and services check.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

READ, WRITE = C.PERSON_READ, C.PERSON_WRITE

ROUTES: dict[str, str] = {
    "child_welfare:case_index": READ,
    "child_welfare:report_create": WRITE,
    "child_welfare:report_create_for_person": WRITE,
    "child_welfare:report_detail": READ,
    "child_welfare:report_screen": WRITE,
    "child_welfare:allegation_add": WRITE,
    "child_welfare:participant_add": WRITE,
    "child_welfare:investigation_start": WRITE,
    "child_welfare:contact_add": WRITE,
    "child_welfare:investigation_close": WRITE,
    "child_welfare:finding_record": WRITE,
    "child_welfare:safety_create": WRITE,
    "child_welfare:safety_detail": READ,
    "child_welfare:safety_plan_create": WRITE,
    "child_welfare:safety_plan_edit": WRITE,
    "child_welfare:safety_action_add": WRITE,
    "child_welfare:placement_create": WRITE,
    "child_welfare:placement_end": WRITE,
    "child_welfare:hearing_create": WRITE,
    "child_welfare:hearing_outcome": WRITE,
    "child_welfare:permanency_goal_create": WRITE,
    "child_welfare:termination_review_create": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/reports": READ,
    "POST /api/v1/cases/{case_id}/child-welfare/reports": WRITE,
    "POST /api/v1/persons/{person_id}/child-welfare/reports": WRITE,
    "GET /api/v1/child-welfare/reports/{report_id}": READ,
    "POST /api/v1/child-welfare/reports/{report_id}/screening": WRITE,
    "POST /api/v1/child-welfare/reports/{report_id}/allegations": WRITE,
    "POST /api/v1/child-welfare/reports/{report_id}/participants": WRITE,
    "POST /api/v1/child-welfare/reports/{report_id}/investigation": WRITE,
    "GET /api/v1/child-welfare/reports/{report_id}/investigation": READ,
    "POST /api/v1/child-welfare/reports/{report_id}/investigation/contacts": WRITE,
    "POST /api/v1/child-welfare/reports/{report_id}/investigation/close": WRITE,
    "POST /api/v1/child-welfare/allegations/{allegation_id}/finding": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/safety-assessments": READ,
    "POST /api/v1/cases/{case_id}/child-welfare/safety-assessments": WRITE,
    "GET /api/v1/child-welfare/safety-assessments/{assessment_id}": READ,
    "POST /api/v1/child-welfare/safety-assessments/{assessment_id}/plan": WRITE,
    "PATCH /api/v1/child-welfare/safety-assessments/{assessment_id}/plan": WRITE,
    "POST /api/v1/child-welfare/safety-assessments/{assessment_id}/plan/actions": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/placements": READ,
    "POST /api/v1/cases/{case_id}/child-welfare/placements": WRITE,
    "POST /api/v1/child-welfare/placements/{placement_id}/end": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/hearings": READ,
    "POST /api/v1/cases/{case_id}/child-welfare/hearings": WRITE,
    "POST /api/v1/child-welfare/hearings/{hearing_id}/outcome": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/permanency-goals": READ,
    "POST /api/v1/cases/{case_id}/child-welfare/permanency-goals": WRITE,
    "POST /api/v1/cases/{case_id}/child-welfare/termination-reviews": WRITE,
    "GET /api/v1/cases/{case_id}/child-welfare/children-in-care": READ,
}
