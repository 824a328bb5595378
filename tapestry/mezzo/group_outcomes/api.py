"""API routes of group outcomes: goals, pre/post measures, the outcome report and its aggregate."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status

from tapestry.mezzo.group_outcomes import selectors, services
from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure
from tapestry.mezzo.group_outcomes.schemas import (
    GroupGoalIn,
    GroupGoalOut,
    GroupGoalPatch,
    GroupMeasureIn,
    GroupMeasureOut,
    OutcomeReportOut,
    OutcomeSummaryOut,
)
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.web.schemas import ErrorOut, created, error_responses, paged_get

router = Router(tags=["group outcomes"])

MEASURE_FIELDS = {"membership_id", "instrument", "phase", "administered_on", "note"}


@paged_get(
    router,
    "/groups/{group_id}/goals",
    GroupGoalOut,
    summary="The goals of a group you run",
)
def group_goal_list(request: HttpRequest, group_id: int) -> list[GroupGoal]:
    group = selectors.group_for_running(user=request.user, group_id=group_id)
    return selectors.goals_of(group=group)


@created(router, "/groups/{group_id}/goals", GroupGoalOut, summary="Add a goal to a group you run")
def group_goal_create(request: HttpRequest, group_id: int, payload: GroupGoalIn) -> GroupGoal:
    group = selectors.group_for_running(user=request.user, group_id=group_id)
    return services.goal_add(actor=request.user, group=group, **payload.model_dump())


@router.patch(
    "/group-goals/{goal_id}",
    response={200: GroupGoalOut, **error_responses(400, 404, 409, 422)},
    summary="Change a goal or its status",
    description="Send the `version` you read; if the goal changed since, the answer is 409 and nothing is saved.",
)
def group_goal_update(request: HttpRequest, goal_id: int, payload: GroupGoalPatch) -> GroupGoal:
    goal = selectors.goal_for_running(user=request.user, goal_id=goal_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return services.goal_update(actor=request.user, goal=goal, version=payload.version, changes=changes)


@paged_get(
    router,
    "/groups/{group_id}/measures",
    GroupMeasureOut,
    summary="Members' pre and post measures in a group you run",
    description="Scores and bands only. Reading them is written to the audit log.",
)
def group_measure_list(request: HttpRequest, group_id: int) -> list[MemberMeasure]:
    group = selectors.group_for_running(user=request.user, group_id=group_id)
    return selectors.group_measures(user=request.user, group=group)


@router.post(
    "/groups/{group_id}/measures",
    response={201: GroupMeasureOut, **error_responses(400, 404, 409, 422)},
    summary="Record a member's pre or post measure: the answers are scored by the micro instrument",
    description=(
        "One measure per member, instrument and phase: a second is refused with 409 (correct the first in "
        "the app). A missing or unknown answer is a 422 naming `answers.<item>`."
    ),
)
def group_measure_create(request: HttpRequest, group_id: int, payload: GroupMeasureIn) -> Status:
    group = selectors.group_for_running(user=request.user, group_id=group_id)
    try:
        membership = selectors.membership_for_running(
            user=request.user, group=group, membership_id=payload.membership_id
        )
    except Http404:
        errors = {"membership_id": ["No member with this number in this group."]}
        return Status(422, ErrorOut(detail="The member was not found in this group.", errors=errors))
    # JSON answers are read strictly by each item's type (as on a case) before the service sees text.
    answers = payload.answers
    definition = INSTRUMENTS.get(payload.instrument)
    if definition is not None:
        answers, wrong_type = definition.read_sent(payload.answers)
        if wrong_type:
            errors = {f"answers.{code}": messages for code, messages in wrong_type.items()}
            return Status(
                422, ErrorOut(detail="Some answers are not of the type the item takes.", errors=errors)
            )
    try:
        fields = payload.model_dump(exclude={"membership_id", "answers"})
        measure = services.measure_record(
            actor=request.user, membership=membership, answers=answers, **fields
        )
    except services.MeasureExists as error:
        return Status(409, ErrorOut(detail="This measure is already recorded.", errors=error.message_dict))
    except services.MeasureInvalid as error:
        errors = {
            (name if name in MEASURE_FIELDS else f"answers.{name}"): messages
            for name, messages in error.message_dict.items()
        }
        return Status(422, ErrorOut(detail="Some answers or fields are missing or not valid.", errors=errors))
    except ValidationError as error:
        return Status(422, ErrorOut(detail="The measure could not be recorded.", errors=error.message_dict))
    return Status(201, measure)


@router.get(
    "/groups/{group_id}/outcomes",
    response={200: OutcomeReportOut, **error_responses(404, 422)},
    summary="The outcome report: per member pre, post and change, average change, share improved, goals met",
    description="Those who run the group see every member; a member's caseworker sees their own clients. Audited.",
)
def group_outcome_report(request: HttpRequest, group_id: int) -> selectors.OutcomeReport:
    group = selectors.group_for_report(user=request.user, group_id=group_id)
    return selectors.outcome_report(user=request.user, group=group)


@router.get(
    "/groups/{group_id}/outcomes/summary",
    response={200: OutcomeSummaryOut, **error_responses(404, 422)},
    summary="The outcome report as counts that identify no one",
    description="Small counts are null (suppressed); the average change is given only when enough members have both measures.",
)
def group_outcome_summary(request: HttpRequest, group_id: int) -> selectors.OutcomeSummary:
    group = selectors.group_for_summary(user=request.user, group_id=group_id)
    return selectors.outcome_summary(group=group)
