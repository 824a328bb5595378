"""URL arguments for the advocacy routes in the authorization-matrix test."""

from __future__ import annotations

from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    worker = world["cast"].caseworker
    case = open_case(worker, world["person"])
    action = advocacy_action_record(
        actor=worker,
        case=case,
        organisation=world["organisation"],
        issue="housing",
        action_taken="Called the housing office.",
    )
    return {
        "advocacy:case_index": {"case_pk": case.pk},
        "advocacy:action_new": {"case_pk": case.pk},
        "advocacy:action_edit": {"pk": action.pk},
        "GET /api/v1/cases/{case_id}/advocacy": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/advocacy": {"case_id": case.pk},
        "PATCH /api/v1/advocacy/{action_id}": {"action_id": action.pk},
    }
