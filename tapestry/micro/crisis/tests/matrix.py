"""URL arguments for the crisis routes in the authorization-matrix test."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.micro.crisis.models import RiskLevel, RiskType
from tapestry.micro.crisis.services import (
    FindingInput,
    follow_up_set,
    risk_assessment_record,
    safety_plan_save,
)
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    worker = world["cast"].caseworker
    case = open_case(worker, world["person"], case_type="crisis")
    assessment = risk_assessment_record(
        actor=worker,
        case=case,
        findings=[FindingInput(kind, RiskLevel.LOW, "") for kind in RiskType.values],
    )
    safety_plan_save(
        actor=worker,
        case=case,
        version=None,
        sections={
            "warning_signs": ["Not sleeping"],
            "professional_contacts": [{"name": "Crisis line", "phone": "988"}],
        },
    )
    follow_up = follow_up_set(
        actor=worker, case=case, title="Call back", due_at=timezone.now() + timedelta(hours=24)
    )
    on_case = {"case_pk": case.pk}
    return {
        "crisis:case_index": on_case,
        "crisis:risk_assessment_new": on_case,
        "crisis:risk_assessment_detail": {"pk": assessment.pk},
        "crisis:safety_plan": on_case,
        "crisis:safety_plan_edit": on_case,
        "crisis:safety_plan_print": on_case,
        "crisis:safety_plan_pdf": on_case,
        "crisis:follow_up_new": on_case,
        "crisis:follow_up_complete": {"pk": follow_up.pk},
        "GET /api/v1/cases/{case_id}/risk-assessments": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/risk-assessments": {"case_id": case.pk},
        "GET /api/v1/risk-assessments/{risk_assessment_id}": {"risk_assessment_id": assessment.pk},
        "GET /api/v1/cases/{case_id}/safety-plan": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/safety-plan/pdf": {"case_id": case.pk},
        "PUT /api/v1/cases/{case_id}/safety-plan": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/follow-ups": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/follow-ups": {"case_id": case.pk},
        "POST /api/v1/follow-ups/{follow_up_id}/complete": {"follow_up_id": follow_up.pk},
    }
