"""The assessments app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

# tapestry.access.routes.AUTHENTICATED; importing it would be circular (that module collects this one).
AUTHENTICATED = "authenticated"

ROUTES: dict[str, str] = {
    # Instrument definitions hold no client data: any signed-in staff member may read them.
    "assessments:instrument_list": AUTHENTICATED,
    "assessments:case_index": C.PERSON_READ,
    "assessments:assessment_new": C.PERSON_WRITE,
    "assessments:assessment_new_custom": C.PERSON_WRITE,
    "assessments:assessment_detail": C.PERSON_READ,
    "assessments:assessment_add_needs": C.PERSON_WRITE,
    "assessments:assessment_in_error": C.PERSON_WRITE,
    # Administrators build custom forms; clinicians only use them.
    "assessments:custom_form_list": C.STAFF_MANAGE,
    "assessments:custom_form_create": C.STAFF_MANAGE,
    "assessments:custom_form_edit": C.STAFF_MANAGE,
    "assessments:custom_question_add": C.STAFF_MANAGE,
    "assessments:custom_choice_add": C.STAFF_MANAGE,
    "assessments:custom_band_add": C.STAFF_MANAGE,
    "GET /api/v1/instruments": AUTHENTICATED,
    "GET /api/v1/cases/{case_id}/assessments": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/assessments": C.PERSON_WRITE,
    "GET /api/v1/assessments/{assessment_id}": C.PERSON_READ,
    "POST /api/v1/assessments/{assessment_id}/add-needs": C.PERSON_WRITE,
    "GET /api/v1/custom-forms": AUTHENTICATED,
    "POST /api/v1/custom-forms": C.STAFF_MANAGE,
}
