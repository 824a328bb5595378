"""URL arguments for the family-plan routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

import datetime as dt

from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    # world["person"] is on every role's caseload and lives in world["household"].
    case = open_case(
        world["cast"].caseworker, person=world["person"], segment="", household=world["household"]
    )
    plan = FamilyPlan.objects.create(case=case, strengths="Close-knit.", concerns="Rent arrears.")
    goal = FamilyGoal.objects.create(plan=plan, description="Keep the flat", target_date=dt.date(2030, 1, 1))
    on_case = {"case_id": case.pk}
    return {
        "families:case_index": {"case_pk": case.pk},
        "families:plan_edit": {"case_pk": case.pk},
        "families:goal_create": {"case_pk": case.pk},
        "families:goal_edit": {"pk": goal.pk},
        "families:goal_referral_create": {"pk": goal.pk},
        "GET /api/v1/cases/{case_id}/family-plan": on_case,
        "PUT /api/v1/cases/{case_id}/family-plan": on_case,
        "POST /api/v1/cases/{case_id}/family-plan/goals": on_case,
        "PATCH /api/v1/family-goals/{goal_id}": {"goal_id": goal.pk},
        "POST /api/v1/family-goals/{goal_id}/referrals": {"goal_id": goal.pk},
    }
