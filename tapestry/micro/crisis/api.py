"""API routes of crisis work: risk assessments, the safety plan, urgent follow-ups."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from tapestry.micro.cases.selectors import case_get
from tapestry.micro.crisis import selectors, services, views
from tapestry.micro.crisis.models import FollowUp, RiskAssessment, SafetyPlan
from tapestry.micro.crisis.schemas import (
    CrisisFollowUpIn,
    CrisisFollowUpOut,
    FollowUpCompleteIn,
    RiskAssessmentIn,
    RiskAssessmentOut,
    SafetyPlanIn,
    SafetyPlanOut,
)
from tapestry.web.ids import found_or_404, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, purpose_query

router = Router(tags=["crisis"])

# Risk assessments ---------------------------------------------------------------------------


@paged_get(
    router,
    "/cases/{case_id}/risk-assessments",
    RiskAssessmentOut,
    summary="List a case's risk assessments, newest first",
    description="The read is written to the audit log.",
)
def risk_assessment_list(
    request: HttpRequest, case_id: int, purpose: str = purpose_query()
) -> list[RiskAssessment]:
    case = case_get(user=request.user, case_id=case_id)
    return selectors.risk_assessments_for_case(user=request.user, case=case, purpose=purpose)


@created(
    router,
    "/cases/{case_id}/risk-assessments",
    RiskAssessmentOut,
    summary="Record a rapid risk assessment",
    description=(
        "Give every kind of risk (suicide, self_harm, violence, abuse_neglect, disaster) exactly once with "
        "a level; from moderate up, say what points to it. At high or imminent risk, `immediate_actions` "
        "is required. `from_assessment_id` notes the standardised screen that prompted it."
    ),
)
def risk_assessment_create(request: HttpRequest, case_id: int, payload: RiskAssessmentIn) -> RiskAssessment:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    assessment = services.risk_assessment_record(
        actor=request.user,
        case=case,
        findings=[services.FindingInput(r.risk_type, r.level, r.factors) for r in payload.risks],
        emergency_contacts=[
            services.EmergencyContactInput(c.service, c.contacted_at, c.reference, c.note)
            for c in payload.emergency_contacts
        ],
        trigger_assessment_id=payload.from_assessment_id,
        **payload.model_dump(include={"protective_factors", "immediate_actions", "assessed_at"}),
    )
    # Answer with the assessment as it reads back (findings in order), without a second audit entry.
    return selectors.risk_assessment_get(user=request.user, risk_assessment_id=assessment.pk)


@router.get(
    "/risk-assessments/{risk_assessment_id}",
    response={200: RiskAssessmentOut, **error_responses(404, 422)},
    summary="Open a risk assessment",
    description="Every open is written to the audit log with its purpose.",
)
def risk_assessment_detail(
    request: HttpRequest, risk_assessment_id: int, purpose: str = purpose_query()
) -> RiskAssessment:
    return selectors.risk_assessment_detail(
        user=request.user, risk_assessment_id=risk_assessment_id, purpose=purpose
    )


# Safety plan --------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/safety-plan",
    response={200: SafetyPlanOut, **error_responses(404, 422)},
    summary="Open a case's safety plan",
    description="404 when the case has no safety plan yet. Every open is written to the audit log.",
)
def safety_plan_detail(request: HttpRequest, case_id: int, purpose: str = purpose_query()) -> SafetyPlan:
    case = case_get(user=request.user, case_id=case_id)
    return found_or_404(
        selectors.safety_plan_detail(user=request.user, case=case, purpose=purpose),
        "This case has no safety plan yet.",
    )


@router.get(
    "/cases/{case_id}/safety-plan/pdf",
    response={200: bytes, **error_responses(404)},
    summary="A case's safety plan as a PDF to give the client",
    description="The plan's seven steps on one A4 page where they fit (application/pdf); 404 when the case "
    "has no safety plan yet. Every download is written to the audit log.",
)
def safety_plan_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    return views.safety_plan_pdf_response(request, case_id, purpose="safety plan PDF for client (API)")


@router.put(
    "/cases/{case_id}/safety-plan",
    response={200: SafetyPlanOut, 201: SafetyPlanOut, **error_responses(400, 404, 409, 422)},
    summary="Write or revise a case's safety plan",
    description=(
        "Sends the whole plan. The first write creates it (201, version 1). Later writes must send the "
        "`version` you read; if the plan changed since (or you sent none), the answer is 409 and nothing is saved."
    ),
)
def safety_plan_save(request: HttpRequest, case_id: int, payload: SafetyPlanIn) -> Status:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    plan, created = services.safety_plan_save(
        actor=request.user,
        case=case,
        version=payload.version,
        sections=payload.model_dump(exclude={"version"}),
    )
    return Status(201 if created else 200, plan)


# Urgent follow-ups --------------------------------------------------------------------------


@paged_get(
    router,
    "/cases/{case_id}/follow-ups",
    CrisisFollowUpOut,
    summary="List a case's urgent follow-ups",
    description="Open ones first, by deadline. `status` is open, overdue or done. The read is audited.",
)
def follow_up_list(request: HttpRequest, case_id: int, purpose: str = purpose_query()) -> list[FollowUp]:
    case = case_get(user=request.user, case_id=case_id)
    return selectors.follow_ups_for_case(user=request.user, case=case, purpose=purpose)


@created(
    router,
    "/cases/{case_id}/follow-ups",
    CrisisFollowUpOut,
    summary="Set an urgent follow-up",
    description=(
        "`due_at` must be later than now and within 7 days. If it is not done by then, it is escalated to "
        "the owner's supervisor (or every supervisor if the owner has none)."
    ),
)
def follow_up_create(request: HttpRequest, case_id: int, payload: CrisisFollowUpIn) -> FollowUp:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    data = resolve_ids(
        payload.model_dump(),
        {
            "owner_id": (selectors.active_staff, "No active staff member with this number."),
            # No message of our own: the selector's 404 says what is missing.
            "risk_assessment_id": (
                lambda pk: selectors.risk_assessment_get(user=request.user, risk_assessment_id=pk),
                "",
            ),
        },
        nullable=("owner_id", "risk_assessment_id"),
    )
    follow_up = services.follow_up_set(actor=request.user, case=case, **data)
    return selectors.follow_up_get(user=request.user, follow_up_id=follow_up.pk)


@router.post(
    "/follow-ups/{follow_up_id}/complete",
    response={200: CrisisFollowUpOut, **error_responses(400, 404, 422)},
    summary="Mark an urgent follow-up done, with what happened",
    description="Anyone who may change the case can complete it; a follow-up is completed once.",
)
def follow_up_complete(request: HttpRequest, follow_up_id: int, payload: FollowUpCompleteIn) -> FollowUp:
    follow_up = selectors.follow_up_get(user=request.user, follow_up_id=follow_up_id, for_change=True)
    services.follow_up_complete(actor=request.user, follow_up=follow_up, outcome=payload.outcome)
    return selectors.follow_up_get(user=request.user, follow_up_id=follow_up_id)
