"""URL arguments for the cohorts' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.mezzo.cohorts.models import Cohort, CohortMember
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    # world["person"] is on every role's caseload, so every client-facing role sees this cohort.
    worker = world["cast"].caseworker
    case = open_case(worker, person=world["person"], segment="")
    cohort = Cohort.objects.create(name="Matrix cohort", situation=Cohort.Situation.REFUGEES, lead=worker)
    member = CohortMember.objects.create(cohort=cohort, case=case, added_by=worker)
    on_cohort = {"pk": cohort.pk}
    api = {"cohort_id": cohort.pk}
    return {
        "cohorts:cohort_detail": on_cohort,
        "cohorts:cohort_edit": on_cohort,
        "cohorts:member_add": on_cohort,
        "cohorts:member_remove": {"pk": cohort.pk, "member_pk": member.pk},
        "cohorts:bulk_action": {"pk": cohort.pk, "kind": "task"},
        "cohorts:cohort_progress": on_cohort,
        "GET /api/v1/cohorts/{cohort_id}": api,
        "PATCH /api/v1/cohorts/{cohort_id}": api,
        "GET /api/v1/cohorts/{cohort_id}/members": api,
        "POST /api/v1/cohorts/{cohort_id}/members": api,
        "DELETE /api/v1/cohorts/{cohort_id}/members/{member_id}": {**api, "member_id": member.pk},
        "POST /api/v1/cohorts/{cohort_id}/actions": api,
        "GET /api/v1/cohorts/{cohort_id}/progress": api,
    }
