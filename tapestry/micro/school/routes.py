"""The school app's rows of the route table (see tapestry/access/routes.py).

The capability is only the first gate: every page and operation also needs the student's case in
the user's reach and the school records grant, which the selectors and services check.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "school:case_index": C.PERSON_READ,
    "school:student_enrol": C.PERSON_WRITE,
    "school:incident_add": C.PERSON_WRITE,
    "school:support_plan": C.PERSON_READ,
    "school:support_plan_edit": C.PERSON_WRITE,
    "school:engagement_add": C.PERSON_WRITE,
    "school:student_detail": C.PERSON_READ,
    "school:attendance_week": C.PERSON_WRITE,
    "school:directory_opt_out": C.PERSON_WRITE,
    "school:alert_follow_up": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/school/students": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/school/students": C.PERSON_WRITE,
    "GET /api/v1/students/{student_id}/attendance": C.PERSON_READ,
    "POST /api/v1/students/{student_id}/attendance": C.PERSON_WRITE,
    "PUT /api/v1/students/{student_id}/directory-opt-out": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/school/incidents": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/school/incidents": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/school/support-plan": C.PERSON_READ,
    "PUT /api/v1/cases/{case_id}/school/support-plan": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/school/support-plan/contacts": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/school/truancy-alerts": C.PERSON_READ,
}
