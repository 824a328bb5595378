"""API routes of child-welfare safety assessments and safety plans."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.db.models import QuerySet
from django.http import HttpRequest

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.micro.child_welfare.api.router import (
    SEGMENT_NOTE,
    _action_input,
    _named_by_caller,
    _with_records,
    router,
)
from tapestry.micro.child_welfare.models import SafetyAssessment, SafetyPlan, SafetyPlanAction
from tapestry.web.schemas import created, error_responses, paged_get


@paged_get(
    router,
    "/cases/{case_id}/child-welfare/safety-assessments",
    schemas.ChildWelfareSafetyAssessmentOut,
    summary="List a case's safety assessments, with their plans",
    description=SEGMENT_NOTE.strip(),
)
def child_welfare_safety_assessment_list(request: HttpRequest, case_id: int) -> QuerySet[SafetyAssessment]:
    return selectors.case_safety_assessments(user=request.user, case_id=case_id)


@created(
    router,
    "/cases/{case_id}/child-welfare/safety-assessments",
    schemas.ChildWelfareSafetyAssessmentOut,
    summary="Record a safety assessment",
    description=(
        "safe needs no threats; conditionally_safe and unsafe need at least one. "
        "A conditionally safe child needs a safety plan next." + SEGMENT_NOTE
    ),
)
def child_welfare_safety_assessment_create(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfareSafetyAssessmentIn
) -> SafetyAssessment:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    on_case = (
        lambda pk: selectors.case_report(user=request.user, case=case, report_id=pk),
        "Choose a report on this case.",
    )
    return services.safety_assess(actor=request.user, case=case, **_with_records(payload, report_id=on_case))


@router.get(
    "/child-welfare/safety-assessments/{assessment_id}",
    response={200: schemas.ChildWelfareSafetyAssessmentOut, **error_responses(404, 422)},
    summary="Open a safety assessment and its plan",
    description="Every open is audited." + SEGMENT_NOTE,
)
def child_welfare_safety_assessment_detail(request: HttpRequest, assessment_id: int) -> SafetyAssessment:
    return selectors.safety_detail(user=request.user, assessment_id=assessment_id)


@created(
    router,
    "/child-welfare/safety-assessments/{assessment_id}/plan",
    schemas.ChildWelfareSafetyPlanOut,
    summary="Make the safety plan of an assessment",
    description="At least one action, each with who is responsible." + SEGMENT_NOTE,
)
def child_welfare_safety_plan_create(
    request: HttpRequest, assessment_id: int, payload: schemas.ChildWelfareSafetyPlanIn
) -> SafetyPlan:
    assessment = selectors.safety_get(user=request.user, assessment_id=assessment_id, for_change=True)
    return services.safety_plan_create(
        actor=request.user,
        assessment=assessment,
        **payload.model_dump(exclude={"actions"}),
        actions=[_action_input(given, f"actions.{index}.") for index, given in enumerate(payload.actions)],
    )


@router.patch(
    "/child-welfare/safety-assessments/{assessment_id}/plan",
    response={200: schemas.ChildWelfareSafetyPlanOut, **error_responses(400, 404, 409, 422)},
    summary="Change a safety plan's monitoring and review date",
    description="Send the plan's `version`; a stale one is answered 409." + SEGMENT_NOTE,
)
def child_welfare_safety_plan_update(
    request: HttpRequest, assessment_id: int, payload: schemas.ChildWelfareSafetyPlanPatch
) -> SafetyPlan:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=assessment_id, for_change=True)
    return services.safety_plan_update(actor=request.user, plan=plan, **payload.model_dump())


@created(
    router,
    "/child-welfare/safety-assessments/{assessment_id}/plan/actions",
    schemas.ChildWelfarePlanActionOut,
    summary="Add an action to a safety plan",
    description=SEGMENT_NOTE.strip(),
)
def child_welfare_safety_plan_action_add(
    request: HttpRequest, assessment_id: int, payload: schemas.ChildWelfarePlanActionIn
) -> SafetyPlanAction:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=assessment_id, for_change=True)
    action = services.safety_plan_action_add(actor=request.user, plan=plan, action=_action_input(payload))
    return _named_by_caller(action, "responsible_person")
