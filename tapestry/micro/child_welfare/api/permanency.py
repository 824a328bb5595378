"""API routes of permanency goals, termination reviews and the federal clocks."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.db.models import QuerySet
from django.http import HttpRequest

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.micro.child_welfare.api.router import PERSON, SEGMENT_NOTE, _with_records, router
from tapestry.micro.child_welfare.models.permanency import PermanencyGoal, TerminationReview
from tapestry.web.schemas import created, error_responses, paged_get


@paged_get(
    router,
    "/cases/{case_id}/child-welfare/permanency-goals",
    schemas.ChildWelfarePermanencyGoalOut,
    summary="List a case's permanency goals",
    description="Newest first; the latest per child is the current goal, the rest its history."
    + SEGMENT_NOTE,
)
def child_welfare_permanency_goal_list(request: HttpRequest, case_id: int) -> QuerySet[PermanencyGoal]:
    return selectors.case_permanency_goals(user=request.user, case_id=case_id)


@created(
    router,
    "/cases/{case_id}/child-welfare/permanency-goals",
    schemas.ChildWelfarePermanencyGoalOut,
    summary="Set a child's permanency goal and concurrent plan",
    description=(
        "For a child with a current placement on the case. concurrent_goal must differ from goal; appla "
        "only for a young person aged 16 or over." + SEGMENT_NOTE
    ),
)
def child_welfare_permanency_goal_set(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfarePermanencyGoalIn
) -> PermanencyGoal:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    return services.permanency_goal_set(
        actor=request.user, case=case, **_with_records(payload, child_id=PERSON)
    )


@created(
    router,
    "/cases/{case_id}/child-welfare/termination-reviews",
    schemas.ChildWelfareTerminationReviewOut,
    summary="Record the TPR petition or the exception at 15 of 22 months",
    description="42 U.S.C. 675(5)(E). relative_care needs a current kinship placement." + SEGMENT_NOTE,
)
def child_welfare_termination_review_record(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfareTerminationReviewIn
) -> TerminationReview:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    return services.termination_review_record(
        actor=request.user, case=case, **_with_records(payload, child_id=PERSON)
    )


@router.get(
    "/cases/{case_id}/child-welfare/children-in-care",
    response={200: list[schemas.ChildWelfareChildInCareOut], **error_responses(404, 422)},
    summary="Children in care on a case, with the federal clocks",
    description=(
        "Read-only and computed: date entered foster care (42 U.S.C. 675(5)(F)), the permanency hearing "
        "due (675(5)(C)) and 15 of the most recent 22 months (675(5)(E))." + SEGMENT_NOTE
    ),
)
def child_welfare_children_in_care(request: HttpRequest, case_id: int) -> list:
    return selectors.case_children_in_care(user=request.user, case_id=case_id)
