"""API routes of supervision: team workload, supervision sessions, the duplicates queue."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router

from tapestry.micro.supervision import selectors, services
from tapestry.micro.supervision.models import DuplicateDismissal, SupervisionSession
from tapestry.micro.supervision.schemas import (
    DuplicateDismissalIn,
    DuplicateDismissalOut,
    DuplicatePairOut,
    SupervisionSessionIn,
    SupervisionSessionOut,
    WorkerLoadOut,
)
from tapestry.web.schemas import created, error_responses

router = Router(tags=["supervision"])


@router.get(
    "/supervision/team-workload",
    response={200: list[WorkerLoadOut], **error_responses()},
    summary="Your team's workload",
    description="Per worker you supervise: open cases, overdue tasks and plan reviews, unsigned drafts and supervision due. Counts only; no client is named.",
)
def team_workload(request: HttpRequest) -> list:
    return selectors.team_workload(request.user)


@created(
    router,
    "/supervision/sessions",
    SupervisionSessionOut,
    errors=(400, 422),
    summary="Record a supervision session",
    description="A session you held with a worker you supervise, and when the next one is due.",
)
def session_record(request: HttpRequest, payload: SupervisionSessionIn) -> SupervisionSession:
    worker = selectors.supervisees(supervisor=request.user).filter(pk=payload.worker_id).first()
    if worker is None:
        raise ValidationError({"worker_id": ["You do not supervise this worker."]})
    if payload.held_on and payload.next_due_on <= payload.held_on:
        raise ValidationError({"next_due_on": ["The next session must come after this one."]})
    return services.supervision_record(
        actor=request.user, worker=worker, held_on=payload.held_on, next_due_on=payload.next_due_on
    )


@router.get(
    "/supervision/duplicate-pairs",
    response={200: list[DuplicatePairOut], **error_responses(422)},
    summary="Likely duplicate pairs",
    description="Pairs of person records you may see that are likely the same person, most alike first. Pairs dismissed as two people are left out. Every read is audited.",
)
def duplicate_pairs(request: HttpRequest, limit: int = Query(50, ge=1, le=200)) -> list:
    return selectors.duplicate_queue(user=request.user, limit=limit)


@created(
    router,
    "/supervision/duplicate-dismissals",
    DuplicateDismissalOut,
    errors=(400, 422),
    summary="Dismiss a pair as two people",
    description="Records who judged the two records to be different people and why; the pair is not offered again.",
)
def duplicate_dismiss(request: HttpRequest, payload: DuplicateDismissalIn) -> DuplicateDismissal:
    return services.duplicate_dismiss(actor=request.user, **payload.model_dump())
