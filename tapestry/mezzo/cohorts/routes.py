"""The cohorts app's rows of the route table: a cohort is a list of cases, so person-level data."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "cohorts:cohort_list": C.PERSON_READ,
    "cohorts:cohort_create": C.PERSON_WRITE,
    "cohorts:cohort_detail": C.PERSON_READ,
    "cohorts:cohort_edit": C.PERSON_WRITE,
    "cohorts:member_add": C.PERSON_WRITE,
    "cohorts:member_remove": C.PERSON_WRITE,
    "cohorts:bulk_action": C.PERSON_WRITE,
    "cohorts:cohort_progress": C.PERSON_READ,
    "GET /api/v1/cohorts": C.PERSON_READ,
    "POST /api/v1/cohorts": C.PERSON_WRITE,
    "GET /api/v1/cohorts/{cohort_id}": C.PERSON_READ,
    "PATCH /api/v1/cohorts/{cohort_id}": C.PERSON_WRITE,
    "GET /api/v1/cohorts/{cohort_id}/members": C.PERSON_READ,
    "POST /api/v1/cohorts/{cohort_id}/members": C.PERSON_WRITE,
    "DELETE /api/v1/cohorts/{cohort_id}/members/{member_id}": C.PERSON_WRITE,
    "POST /api/v1/cohorts/{cohort_id}/actions": C.PERSON_WRITE,
    "GET /api/v1/cohorts/{cohort_id}/progress": C.PERSON_READ,
}
