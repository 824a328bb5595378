"""The casework app's rows of the route table (see tapestry/access/routes.py)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "casework:case_index": C.PERSON_READ,
    "casework:plan_detail": C.PERSON_READ,
    "casework:plan_edit": C.PERSON_WRITE,
    "casework:revision_detail": C.PERSON_READ,
    "casework:goal_create": C.PERSON_WRITE,
    "casework:goal_edit": C.PERSON_WRITE,
    "casework:task_create": C.PERSON_WRITE,
    "casework:task_edit": C.PERSON_WRITE,
    "casework:review_create": C.PERSON_WRITE,
    "casework:note_create": C.PERSON_WRITE,
    "casework:note_autosave_new": C.PERSON_WRITE,
    "casework:note_detail": C.PERSON_READ,
    "casework:note_autosave": C.PERSON_WRITE,
    "casework:drafts": C.PERSON_READ,
    "casework:note_edit": C.PERSON_WRITE,
    "casework:note_sign": C.PERSON_WRITE,
    "casework:addendum_add": C.PERSON_WRITE,
    "casework:service_list": C.PERSON_READ,
    "casework:service_create": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/plan": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/plan": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/goals": C.PERSON_WRITE,
    "PATCH /api/v1/goals/{goal_id}": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/tasks": C.PERSON_WRITE,
    "PATCH /api/v1/tasks/{task_id}": C.PERSON_WRITE,
    "POST /api/v1/cases/{case_id}/reviews": C.PERSON_WRITE,
    "GET /api/v1/cases/{case_id}/notes": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/notes": C.PERSON_WRITE,
    "GET /api/v1/notes/{note_id}": C.PERSON_READ,
    "PATCH /api/v1/notes/{note_id}": C.PERSON_WRITE,
    "POST /api/v1/notes/{note_id}/sign": C.PERSON_WRITE,
    "POST /api/v1/notes/{note_id}/addenda": C.PERSON_WRITE,
    "GET /api/v1/note-drafts": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/services": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/services": C.PERSON_WRITE,
}
