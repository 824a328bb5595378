"""URL arguments for the cases routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.micro.cases.models import CaseNeed
from tapestry.needs.models import Need
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    # A general-segment case on the person every role's user holds, so every client-facing role reaches it.
    case = open_case(world["cast"].caseworker, person=world["person"], segment="")
    case_need = CaseNeed.objects.create(case=case, need=Need.objects.get(code="food-insecurity"))
    person = {"person_pk": world["person"].pk}
    return {
        "cases:case_open_for": person,
        "cases:person_cases": person,
        "cases:case_detail": {"pk": case.pk},
        "cases:case_summary_pdf": {"pk": case.pk},
        "cases:case_edit": {"pk": case.pk},
        "cases:case_hold": {"pk": case.pk},
        "cases:case_reopen": {"pk": case.pk},
        "cases:case_close": {"pk": case.pk},
        "cases:need_add": {"case_pk": case.pk},
        "cases:need_status": {"pk": case_need.pk},
        "GET /api/v1/cases/{case_id}": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/summary-pdf": {"case_id": case.pk},
        "PATCH /api/v1/cases/{case_id}": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/close": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/needs": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/needs": {"case_id": case.pk},
        "PATCH /api/v1/cases/{case_id}/needs/{case_need_id}": {
            "case_id": case.pk,
            "case_need_id": case_need.pk,
        },
    }
