"""API routes of casework: care plans, goals, tasks, reviews, progress notes and services delivered."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError

from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.casework import selectors, services
from tapestry.micro.casework.models import (
    Addendum,
    CarePlan,
    Goal,
    ProgressNote,
    ProgressReview,
    ServiceRecord,
    Task,
)
from tapestry.micro.casework.schemas import (
    AddendumIn,
    AddendumOut,
    CaseGoalIn,
    CaseGoalOut,
    CaseGoalPatch,
    CaseNoteIn,
    CaseNoteOut,
    NoteDraftOut,
    NoteListItemOut,
    NotePatch,
    PlanIn,
    PlanOut,
    ReviewIn,
    ReviewOut,
    ServiceIn,
    ServiceOut,
    ServicesOut,
    SignIn,
    TaskIn,
    TaskOut,
    TaskPatch,
)
from tapestry.web.ids import renaming
from tapestry.web.schemas import PageParams, created, error_responses, paged_get, purpose_query

router = Router(tags=["casework"])

# The service names the record; the API names the id that was sent.
SENT_AS = {
    "owner": "owner_id",
    "goal": "goal_id",
    "needs": "need_ids",
    "present": "present_ids",
    "staff": "staff_id",
    "note": "note_id",
    "goals": "goal_ids",
}


@contextmanager
def _note_locked_is_a_conflict() -> Iterator[None]:
    try:
        yield
    except services.NoteLocked as locked:
        raise HttpError(409, str(locked)) from locked


def _plan_out(user: User, case: Case, plan: CarePlan | None) -> CarePlan:
    if plan is None:
        raise Http404("This case has no care plan yet.")
    plan.case_tasks = list(selectors.case_tasks(user=user, case=case))
    return plan


# Care plans ---------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/plan",
    response={200: PlanOut, **error_responses(404, 422)},
    summary="Open a case's care plan",
    description="The current plan with its goals, the case's tasks, reviews and revision history. Every open is audited.",
    tags=["care plans"],
)
def care_plan_detail(
    request: HttpRequest,
    case_id: int,
    purpose: str = purpose_query("the plan"),
) -> CarePlan:
    case = selectors.casework_case(user=request.user, case_id=case_id)
    return _plan_out(request.user, case, selectors.plan_detail(user=request.user, case=case, purpose=purpose))


@router.post(
    "/cases/{case_id}/plan",
    response={200: PlanOut, 201: PlanOut, **error_responses(400, 404, 409, 422)},
    summary="Start or revise a case's care plan",
    description=(
        "Without a plan, this starts one (201). With one, it revises the summary and review date (200): "
        "send the `version` you read and a `reason`; a stale version is refused with 409. "
        "Each change is kept as a revision."
    ),
    tags=["care plans"],
)
def care_plan_save(request: HttpRequest, case_id: int, payload: PlanIn) -> Status:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    existing = selectors.plan_of_case(case)
    if existing is None:
        services.plan_create(
            actor=request.user, case=case, **payload.model_dump(include={"summary", "next_review_on"})
        )
        return Status(201, _plan_out(request.user, case, selectors.plan_read(user=request.user, case=case)))
    if payload.version is None:
        raise ValidationError({"version": ["Send the version of the plan you read, to revise it."]})
    existing.case = case
    services.plan_revise(actor=request.user, plan=existing, **payload.model_dump())
    return Status(200, _plan_out(request.user, case, selectors.plan_read(user=request.user, case=case)))


@created(
    router,
    "/cases/{case_id}/goals",
    CaseGoalOut,
    summary="Add a goal to the case's care plan",
    description="Link it to needs recorded on the case with `need_ids`. The plan's history gains a revision.",
    tags=["care plans"],
)
def goal_create(request: HttpRequest, case_id: int, payload: CaseGoalIn) -> Goal:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    with renaming(SENT_AS):
        return services.goal_add(
            actor=request.user,
            case=case,
            needs=selectors.case_needs_by_ids(case=case, ids=payload.need_ids),
            **payload.model_dump(exclude={"need_ids"}),
        )


@router.patch(
    "/goals/{goal_id}",
    response={200: CaseGoalOut, **error_responses(400, 404, 409, 422)},
    summary="Change a goal",
    description="Send the `version` you read and a `reason`; a stale version is refused with 409. The plan keeps a revision.",
    tags=["care plans"],
)
def goal_update(request: HttpRequest, goal_id: int, payload: CaseGoalPatch) -> object:
    goal = selectors.goal_get(user=request.user, goal_id=goal_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version", "reason", "need_ids"})
    needs = None
    if payload.need_ids is not None:
        needs = selectors.case_needs_by_ids(case=goal.plan.case, ids=payload.need_ids)
    with renaming(SENT_AS):
        return services.goal_update(
            actor=request.user,
            goal=goal,
            version=payload.version,
            changes=changes,
            needs=needs,
            reason=payload.reason,
        )


# Tasks --------------------------------------------------------------------------------------


@created(
    router,
    "/cases/{case_id}/tasks",
    TaskOut,
    summary="Add a task to the case",
    tags=["care plans"],
)
def task_create(request: HttpRequest, case_id: int, payload: TaskIn) -> Task:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    owner = request.user
    if payload.owner_id is not None:
        owner = selectors.staff_by_id(staff_id=payload.owner_id, field="owner_id")
    goal = selectors.goal_of_case(case=case, goal_id=payload.goal_id) if payload.goal_id else None
    with renaming(SENT_AS):
        return services.task_add(
            actor=request.user,
            case=case,
            owner=owner,
            goal=goal,
            **payload.model_dump(exclude={"owner_id", "goal_id"}),
        )


@router.patch(
    "/tasks/{task_id}",
    response={200: TaskOut, **error_responses(400, 404, 409, 422)},
    summary="Change a task, or mark it done or cancelled",
    description="Send the `version` you read; a stale version is refused with 409. Done stamps `completed_at`.",
    tags=["care plans"],
)
def task_update(request: HttpRequest, task_id: int, payload: TaskPatch) -> object:
    task = selectors.task_get(user=request.user, task_id=task_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version", "owner_id", "goal_id"})
    sent = payload.model_fields_set
    if "owner_id" in sent:
        changes["owner"] = selectors.staff_by_id(staff_id=payload.owner_id, field="owner_id")
    if "goal_id" in sent:
        changes["goal"] = (
            selectors.goal_of_case(case=task.case, goal_id=payload.goal_id) if payload.goal_id else None
        )
    with renaming(SENT_AS):
        return services.task_update(actor=request.user, task=task, version=payload.version, changes=changes)


# Reviews ------------------------------------------------------------------------------------


@created(
    router,
    "/cases/{case_id}/reviews",
    ReviewOut,
    summary="Record a progress review of the care plan",
    description="Rate overall, per goal, or both. `next_review_on` becomes the plan's next review date.",
    tags=["care plans"],
)
def review_create(request: HttpRequest, case_id: int, payload: ReviewIn) -> ProgressReview:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    plan = selectors.plan_get(user=request.user, case=case, for_change=True)
    goals = selectors.goals_by_ids(case=case, ids=[rating.goal_id for rating in payload.goal_ratings])
    with renaming(SENT_AS):
        return services.review_record(
            actor=request.user,
            plan=plan,
            goal_ratings=[(goals[r.goal_id], r.rating, r.comment) for r in payload.goal_ratings],
            **payload.model_dump(exclude={"goal_ratings"}),
        )


# Notes --------------------------------------------------------------------------------------


@paged_get(
    router,
    "/cases/{case_id}/notes",
    NoteListItemOut,
    summary="List a case's notes",
    description="Titles, formats and status, newest first; open a note for its content. Psychotherapy notes appear only with their grant.",
    tags=["notes"],
)
def note_list(request: HttpRequest, case_id: int) -> QuerySet[ProgressNote]:
    case = selectors.casework_case(user=request.user, case_id=case_id)
    return selectors.note_list(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/notes",
    CaseNoteOut,
    summary="Write a draft note on the case",
    description=(
        "DAP (data, assessment, plan), SOAP (subjective, objective, assessment, plan) or a contact note "
        "(text). A family session lists household members present in `present_ids`."
    ),
    tags=["notes"],
)
def note_create(request: HttpRequest, case_id: int, payload: CaseNoteIn) -> ProgressNote:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    sections = set(ProgressNote.ALL_SECTIONS)
    with renaming(SENT_AS):
        note = services.note_create(
            actor=request.user,
            case=case,
            sections=payload.model_dump(include=sections),
            present=selectors.persons_by_ids(ids=payload.present_ids),
            goals=selectors.goals_of_case_by_ids(case=case, ids=payload.goal_ids),
            **payload.model_dump(exclude={"present_ids", "goal_ids", *sections}),
        )
    return selectors.note_read(user=request.user, note_id=note.pk)


@router.get(
    "/notes/{note_id}",
    response={200: CaseNoteOut, **error_responses(404, 422)},
    summary="Open a note, with its addenda",
    description="Every open is written to the audit log with its purpose.",
    tags=["notes"],
)
def note_detail(
    request: HttpRequest,
    note_id: int,
    purpose: str = purpose_query("the note"),
) -> ProgressNote:
    return selectors.note_detail(user=request.user, note_id=note_id, purpose=purpose)


@router.patch(
    "/notes/{note_id}",
    response={200: CaseNoteOut, **error_responses(400, 404, 409, 422)},
    summary="Change a draft note",
    description=(
        "Only the author changes a draft. Send the `version` you read: a stale version is refused with 409, "
        "and so is any change to a signed note (add an addendum instead)."
    ),
    tags=["notes"],
)
def note_update(request: HttpRequest, note_id: int, payload: NotePatch) -> ProgressNote:
    note = selectors.note_get(user=request.user, note_id=note_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version", "present_ids", "goal_ids"})
    present = goals = None
    if "present_ids" in payload.model_fields_set:
        present = selectors.persons_by_ids(ids=payload.present_ids or [])
    if "goal_ids" in payload.model_fields_set:
        goals = selectors.goals_of_case_by_ids(case=note.case, ids=payload.goal_ids or [])
    with _note_locked_is_a_conflict(), renaming(SENT_AS):
        services.note_update(
            actor=request.user,
            note=note,
            version=payload.version,
            changes=changes,
            present=present,
            goals=goals,
        )
    return selectors.note_read(user=request.user, note_id=note.pk)


@router.post(
    "/notes/{note_id}/sign",
    response={200: CaseNoteOut, **error_responses(400, 404, 409, 422)},
    summary="Sign and lock a note",
    description=(
        "Only the author signs, only a complete note, and only with `attested: true` (the attestation's "
        "words are stored with the signer and the time). A signed note is locked; correct it with addenda."
    ),
    tags=["notes"],
)
def note_sign(request: HttpRequest, note_id: int, payload: SignIn) -> ProgressNote:
    note = selectors.note_get(user=request.user, note_id=note_id, for_change=True)
    with _note_locked_is_a_conflict():
        services.note_sign(actor=request.user, note=note, version=payload.version, attested=payload.attested)
    return selectors.note_read(user=request.user, note_id=note.pk)


@paged_get(
    router,
    "/note-drafts",
    NoteDraftOut,
    errors=(422,),
    summary="List your unsigned note drafts",
    description=(
        "Your own drafts on every case you may read, most recently saved first: where each is, not what "
        "it says. Open one with GET /notes/{note_id}."
    ),
    tags=["notes"],
)
def note_drafts(request: HttpRequest) -> list[ProgressNote]:
    return selectors.drafts_listed(user=request.user)


@created(
    router,
    "/notes/{note_id}/addenda",
    AddendumOut,
    summary="Add an addendum under a signed note",
    tags=["notes"],
)
def addendum_create(request: HttpRequest, note_id: int, payload: AddendumIn) -> Addendum:
    note = selectors.note_get(user=request.user, note_id=note_id, for_change=True)
    return services.addendum_add(actor=request.user, note=note, text=payload.text)


# Services delivered -------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/services",
    response={200: ServicesOut, **error_responses(404, 422)},
    summary="List the services delivered on a case, with totals",
    description="Newest first, paginated; `totals` gives minutes and counts by type over the whole case.",
    tags=["services"],
)
def service_list(request: HttpRequest, case_id: int, pages: Query[PageParams]) -> dict:
    case = selectors.casework_case(user=request.user, case_id=case_id)
    totals = selectors.service_totals(user=request.user, case=case)
    start = (pages.page - 1) * pages.page_size
    items = list(selectors.service_list(user=request.user, case=case)[start : start + pages.page_size])
    return {
        "items": items,
        "count": sum(total.count for total in totals),
        "total_minutes": sum(total.minutes for total in totals),
        "totals": [vars(total) for total in totals],
    }


@created(
    router,
    "/cases/{case_id}/services",
    ServiceOut,
    summary="Record a service delivered on the case",
    tags=["services"],
)
def service_create(request: HttpRequest, case_id: int, payload: ServiceIn) -> ServiceRecord:
    case = selectors.casework_case(user=request.user, case_id=case_id, for_change=True)
    staff = request.user
    if payload.staff_id is not None:
        staff = selectors.staff_by_id(staff_id=payload.staff_id, field="staff_id")
    note = None
    if payload.note_id is not None:
        note = selectors.note_of_case(user=request.user, case=case, note_id=payload.note_id)
    with renaming(SENT_AS):
        return services.service_record(
            actor=request.user,
            case=case,
            staff=staff,
            note=note,
            **payload.model_dump(exclude={"staff_id", "note_id"}),
        )
