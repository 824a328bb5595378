"""URL arguments for the advisor's routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    case = open_case(world["cast"].caseworker, person=world["person"], segment="")
    on_case = {"case_pk": case.pk}
    return {
        "advisor:case_index": on_case,
        "advisor:enrol": on_case,
        "advisor:refer": on_case,
        "advisor:tell": on_case,
        "GET /api/v1/advisor/cases/{case_id}": {"case_id": case.pk},
        "POST /api/v1/advisor/cases/{case_id}/campaign-notices": {"case_id": case.pk},
    }
