"""API routes of cohorts: cohorts, their members, bulk actions with per-member results, and progress."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.access.models import User
from tapestry.directory import selectors as directory
from tapestry.mezzo.cohorts import selectors, services
from tapestry.mezzo.cohorts.models import Cohort, CohortAction, CohortMember
from tapestry.mezzo.cohorts.schemas import (
    CohortActionIn,
    CohortActionOut,
    CohortDetailOut,
    CohortIn,
    CohortMemberIn,
    CohortMemberOut,
    CohortOut,
    CohortPatch,
    CohortProgressRowOut,
)
from tapestry.micro.cases.selectors import need_by_code, program_by_id
from tapestry.web.ids import referenced, renaming, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["cohorts"])


def _staff_member(user_id: int | None) -> User | None:
    """An active staff member by number; None comes here only as a cohort's lead sent as null: refused."""
    if user_id is None:
        raise ValidationError({"lead_id": ["A cohort always has a lead worker."]})
    return selectors.active_staff_member(user_id)


PROGRAM = (program_by_id, "There is no program with this number; see GET /programs.")
STAFF = (_staff_member, "There is no active staff member with this number.")
# A lead left out or null on a new cohort means the caller.
IDS = {"program_id": PROGRAM, "lead_id": STAFF}


def _with_count(user: User, cohort: Cohort) -> Cohort:
    cohort.members_seen = selectors.members_seen(user=user, cohort=cohort)
    return cohort


@paged_get(
    router,
    "/cohorts",
    CohortOut,
    errors=(422,),
    summary="List the cohorts you lead or have members of",
    description="`members_seen` counts only the members you may see; members you may not see are not counted.",
)
def cohort_list(request: HttpRequest, status: str = "") -> QuerySet[Cohort]:
    return selectors.cohort_list(user=request.user, status=status if status in Cohort.Status.values else "")


@created(router, "/cohorts", CohortOut, errors=(400, 422), summary="Start a cohort")
def cohort_create(request: HttpRequest, payload: CohortIn) -> Cohort:
    data = resolve_ids(payload.model_dump(), IDS, nullable=("program_id", "lead_id"))
    cohort = services.cohort_create(actor=request.user, **data)
    return _with_count(request.user, cohort)


@router.get(
    "/cohorts/{cohort_id}",
    response={200: CohortDetailOut, **error_responses(404, 422)},
    summary="Open a cohort with the members you may see",
    description="Every open is written to the audit log.",
)
def cohort_detail(request: HttpRequest, cohort_id: int) -> Cohort:
    page = selectors.cohort_detail(user=request.user, cohort_id=cohort_id)
    page.cohort.visible_members = page.members
    page.cohort.members_seen = len(page.members)
    return page.cohort


@router.patch(
    "/cohorts/{cohort_id}",
    response={200: CohortOut, **error_responses(400, 404, 409, 422)},
    summary="Change a cohort or close it",
    description="Send the `version` you read; if the cohort changed since, the answer is 409 and nothing is saved.",
)
def cohort_update(request: HttpRequest, cohort_id: int, payload: CohortPatch) -> Cohort:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id, for_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    resolve_ids(changes, IDS, nullable=("program_id",))
    refuse_nulls(changes, ("name", "situation", "description", "status"))
    updated = services.cohort_update(
        actor=request.user, cohort=cohort, version=payload.version, changes=changes
    )
    return _with_count(request.user, updated)


@paged_get(
    router,
    "/cohorts/{cohort_id}/members",
    CohortMemberOut,
    summary="List the cohort's current members you may see",
)
def cohort_member_list(request: HttpRequest, cohort_id: int) -> list[CohortMember]:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id)
    return selectors.member_list(user=request.user, cohort=cohort)


@created(
    router,
    "/cohorts/{cohort_id}/members",
    CohortMemberOut,
    summary="Add a case to the cohort",
    description="Only a case you may change; a case already in the cohort is refused with 400.",
)
def cohort_member_add(request: HttpRequest, cohort_id: int, payload: CohortMemberIn) -> CohortMember:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id, for_change=True)
    case = referenced(
        "case_id", lambda: selectors.case_by_id(payload.case_id), "There is no case with this number."
    )
    with renaming({"case": "case_id"}):
        return services.member_add(actor=request.user, cohort=cohort, case=case)


@router.delete(
    "/cohorts/{cohort_id}/members/{member_id}",
    response={200: CohortMemberOut, **error_responses(400, 404, 422)},
    summary="Take a case out of the cohort",
    description="The member row stays with the date it was taken out, so the cohort's history is kept.",
)
def cohort_member_remove(request: HttpRequest, cohort_id: int, member_id: int) -> CohortMember:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id, for_change=True)
    member = selectors.member_get(user=request.user, cohort=cohort, member_id=member_id)
    removed = services.member_remove(actor=request.user, member=member)
    removed.case = member.case
    return removed


REQUIRED = {
    CohortAction.Kind.GOAL: ("description", "measure", "target", "target_date"),
    CohortAction.Kind.TASK: ("title", "due_on"),
    CohortAction.Kind.NOTE: ("text",),
    CohortAction.Kind.REFERRAL: ("service_id", "reason"),
}


def _item(user: User, payload: CohortActionIn) -> services.BulkItem:
    """The action the payload describes, with a clear error on each field it lacks."""
    kind = CohortAction.Kind(payload.kind)
    missing = {
        name: [f"Needed for a {kind.label.lower()}."]
        for name in REQUIRED[kind]
        if getattr(payload, name) is None
        or (isinstance(getattr(payload, name), str) and not getattr(payload, name).strip())
    }
    if missing:
        raise ValidationError(missing)
    if kind == CohortAction.Kind.GOAL:
        return services.GoalItem(
            **{name: getattr(payload, name).strip() for name in ("description", "measure", "target")},
            target_date=payload.target_date,
            need=need_by_code(payload.need_code, field="need_code") if payload.need_code else None,
        )
    if kind == CohortAction.Kind.TASK:
        task = payload.model_dump(include={"title", "due_on", "details", "owner_id"})
        return services.TaskItem(**resolve_ids(task, {"owner_id": STAFF}, nullable=("owner_id",)))
    if kind == CohortAction.Kind.NOTE:
        note = payload.model_dump(include={"text", "contact_date", "duration_minutes"})
        return services.BulkNote(**note, title=payload.title or "")
    service = referenced(
        "service_id", lambda: directory.service_get(user=user, service_id=payload.service_id)
    )
    return services.BulkReferral(
        service=service, reason=payload.reason, urgency=payload.urgency, parts=tuple(payload.parts)
    )


def _members(user: User, cohort: Cohort, kind: str, member_ids: list[int] | None) -> list[CohortMember]:
    members = selectors.member_list(user=user, cohort=cohort, purpose=f"cohort action: {kind}")
    if member_ids is None:
        return members
    by_id = {member.pk: member for member in members}
    unknown = sorted({pk for pk in member_ids if pk not in by_id})
    if unknown:
        raise ValidationError(
            {"member_ids": [f"Not current members of this cohort: {', '.join(map(str, unknown))}."]}
        )
    return [by_id[pk] for pk in dict.fromkeys(member_ids)]


@router.post(
    "/cohorts/{cohort_id}/actions",
    response={200: CohortActionOut, **error_responses(400, 404, 422)},
    summary="Apply one action to each chosen member",
    description=(
        "`goal` adds a goal to each member's care plan (members without one are skipped: `no care plan`); "
        "`task` gives each case a task; `note` writes a draft contact note on each case; `referral` "
        "records a referral to one service and sends it where the member's consent allows (otherwise "
        "skipped: `no consent for referral on file`). Each member is checked and written on their own; "
        "`results` lists every member as done or skipped with the reason."
    ),
)
def cohort_action_run(request: HttpRequest, cohort_id: int, payload: CohortActionIn) -> CohortAction:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id, for_change=True)
    item = _item(request.user, payload)
    members = _members(request.user, cohort, payload.kind, payload.member_ids)
    report = services.cohort_action_run(actor=request.user, cohort=cohort, members=members, item=item)
    report.action.results = report.results
    return report.action


@router.get(
    "/cohorts/{cohort_id}/progress",
    response={200: list[CohortProgressRowOut], **error_responses(404, 422)},
    summary="Each visible member's progress: goals, tasks, last note, latest referral and score",
    description="Every read is written to the audit log.",
)
def cohort_progress(request: HttpRequest, cohort_id: int) -> list[CohortMember]:
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id)
    return selectors.cohort_progress(user=request.user, cohort=cohort)
