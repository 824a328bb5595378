"""URL arguments for the casework routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.micro.casework.tests.factories import (
    goal_for,
    note_for,
    plan_for,
    service_for,
    task_for,
)
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    """A general case of the person every role may open, with one of each casework record."""
    worker = world["cast"].caseworker
    case = open_case(worker, world["person"], segment="")
    plan_for(worker, case)
    goal = goal_for(worker, case)
    task = task_for(worker, case, goal=goal)
    draft = note_for(worker, case)
    signed = note_for(worker, case, signed=True)
    service_for(worker, case, note=signed)
    on_case = {"case_pk": case.pk}
    api_case = {"case_id": case.pk}
    return {
        "casework:case_index": on_case,
        "casework:plan_detail": on_case,
        "casework:plan_edit": on_case,
        "casework:revision_detail": {**on_case, "number": 1},
        "casework:goal_create": on_case,
        "casework:goal_edit": {"pk": goal.pk},
        "casework:task_create": on_case,
        "casework:task_edit": {"pk": task.pk},
        "casework:review_create": on_case,
        "casework:note_create": on_case,
        "casework:note_detail": {"pk": signed.pk},
        "casework:note_edit": {"pk": draft.pk},
        "casework:note_autosave_new": on_case,
        "casework:note_autosave": {"pk": draft.pk},
        "casework:note_sign": {"pk": draft.pk},
        "casework:addendum_add": {"pk": signed.pk},
        "casework:service_list": on_case,
        "casework:service_create": on_case,
        "GET /api/v1/cases/{case_id}/plan": api_case,
        "POST /api/v1/cases/{case_id}/plan": api_case,
        "POST /api/v1/cases/{case_id}/goals": api_case,
        "PATCH /api/v1/goals/{goal_id}": {"goal_id": goal.pk},
        "POST /api/v1/cases/{case_id}/tasks": api_case,
        "PATCH /api/v1/tasks/{task_id}": {"task_id": task.pk},
        "POST /api/v1/cases/{case_id}/reviews": api_case,
        "GET /api/v1/cases/{case_id}/notes": api_case,
        "POST /api/v1/cases/{case_id}/notes": api_case,
        "GET /api/v1/notes/{note_id}": {"note_id": signed.pk},
        "PATCH /api/v1/notes/{note_id}": {"note_id": draft.pk},
        "POST /api/v1/notes/{note_id}/sign": {"note_id": draft.pk},
        "POST /api/v1/notes/{note_id}/addenda": {"note_id": signed.pk},
        "GET /api/v1/cases/{case_id}/services": api_case,
        "POST /api/v1/cases/{case_id}/services": api_case,
    }
