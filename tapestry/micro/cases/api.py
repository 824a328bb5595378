"""API routes of cases: open, list, read, change, hold, close, and the needs on a case."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router

from tapestry.access.models import User
from tapestry.micro.cases import selectors, services, views
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.schemas import (
    CaseCloseIn,
    CaseDetailOut,
    CaseIn,
    CaseNeedIn,
    CaseNeedOut,
    CaseNeedPatch,
    CaseOut,
    CasePatch,
    CaseSort,
    CaseStatus,
    CaseType,
)
from tapestry.people import selectors as people_selectors
from tapestry.people.models import Person
from tapestry.web.ids import referenced, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["cases"])


# A record named in the body that does not exist is an error on that field, not a missing page.


def _person(user: User, person_id: int) -> Person:
    return referenced("person_id", lambda: people_selectors.person_get(user=user, person_id=person_id))


def _case_facts(person: Person) -> dict[str, tuple[Callable[[int], Any], str]]:
    """The records a case's facts name by id (for `resolve_ids`): the worker, program and household."""
    return {
        "worker_id": (
            lambda pk: selectors.worker_choices().filter(pk=pk).first(),
            "No active staff member who holds a caseload has this number.",
        ),
        "program_id": (selectors.program_by_id, "No program with this number."),
        "household_id": (
            lambda pk: selectors.household_choices(person=person).filter(pk=pk).first(),
            "Choose a household this person lives in.",
        ),
    }


def _case_detail(user: User, case_id: int) -> Case:
    # The answer shows the case as its page does, so it is read (and audited) the same way.
    return selectors.case_detail(user=user, case_id=case_id, purpose="case work (API)")


def _case_written(user: User, case_id: int) -> Case:
    # The answer to a write shows the case as it now stands; the write's own entry is its audit.
    return selectors.case_read(user=user, case_id=case_id)


# Cases --------------------------------------------------------------------------------------


SORT_PARAMETER = Query(
    "-opened",
    description="A column to sort by: number, opened, person, worker, type, status or program; "
    "a leading '-' sorts descending. Any other key is refused with 422.",
)


@paged_get(
    router,
    "/cases",
    CaseOut,
    errors=(422,),
    summary="List the cases you may see",
    description=(
        "Cases of the persons in your caseload, your team's and your supervisees', in the segments you "
        "are granted. The read is written to the audit log."
    ),
)
def case_list(
    request: HttpRequest,
    status: CaseStatus | None = None,
    case_type: CaseType | None = None,
    person_id: int | None = Query(None, description="Only this person's cases."),
    worker_id: int | None = Query(None, description="Only cases held by this worker."),
    mine: bool = Query(False, description="Only the cases you hold."),
    program_id: int | None = Query(None, description="Only cases in this program."),
    need_id: int | None = Query(None, description="Only cases with this need recorded."),
    sort: CaseSort = SORT_PARAMETER,
) -> QuerySet[Case]:
    return selectors.case_list(
        user=request.user,
        status=status or "",
        case_type=case_type or "",
        person_id=person_id,
        worker_id=request.user.pk if mine else worker_id,
        program_id=program_id,
        need_id=need_id,
        sort=sort,
        purpose="case list (API)",
    )


@created(
    router,
    "/cases",
    CaseDetailOut,
    errors=(400, 422),
    summary="Open a case for a person",
    description=(
        "You must be able to change the person's record. The worker (you, if left out) gets the person "
        "on their caseload and must be granted the case's segment."
    ),
)
def case_open(request: HttpRequest, payload: CaseIn) -> Case:
    person = _person(request.user, payload.person_id)
    facts = resolve_ids(
        payload.model_dump(exclude={"person_id"}),
        _case_facts(person),
        nullable=("worker_id", "program_id", "household_id"),
    )
    case = services.case_open(actor=request.user, person=person, **facts)
    return _case_written(request.user, case.pk)


@router.get(
    "/cases/{case_id}",
    response={200: CaseDetailOut, **error_responses(404, 422)},
    summary="Open a case, with its needs and their history",
    description="Every open is written to the audit log.",
)
def case_detail(request: HttpRequest, case_id: int) -> Case:
    return _case_detail(request.user, case_id)


@router.get(
    "/cases/{case_id}/summary-pdf",
    response={200: bytes, **error_responses(404)},
    summary="A case's summary as a PDF",
    description="The case's facts and needs as its page shows them (application/pdf); each download is "
    "written to the audit log as an open of the case.",
)
def case_summary_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    return views.case_summary_pdf_response(request, case_id, purpose="case summary PDF (API)")


@router.patch(
    "/cases/{case_id}",
    response={200: CaseDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Change a case, put it on hold or reopen it",
    description=(
        "Send the `version` you read and only the fields you change; if the case changed since, the answer "
        "is 409 and nothing is saved. `status` moves the case on or off hold (close it with POST .../close)."
    ),
)
def case_update(request: HttpRequest, case_id: int, payload: CasePatch) -> Case:
    case = selectors.case_get(user=request.user, case_id=case_id, for_change=True)
    sent = payload.model_dump(exclude_unset=True, exclude={"version", "status", "hold_reason"})
    changes = resolve_ids(sent, _case_facts(case.person), nullable=("program_id", "household_id"))
    version = payload.version
    if changes:
        case = services.case_update(actor=request.user, case=case, version=version, changes=changes)
        version = case.version
    if payload.status == Case.Status.ON_HOLD and case.status != Case.Status.ON_HOLD:
        services.case_hold(actor=request.user, case=case, version=version, reason=payload.hold_reason)
    elif payload.status == Case.Status.OPEN and case.status != Case.Status.OPEN:
        services.case_reopen(actor=request.user, case=case, version=version)
    return _case_written(request.user, case_id)


@router.post(
    "/cases/{case_id}/close",
    response={200: CaseDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Close a case with a reason",
    description="Send the `version` you read; a stale version is refused with 409.",
)
def case_close(request: HttpRequest, case_id: int, payload: CaseCloseIn) -> Case:
    case = selectors.case_get(user=request.user, case_id=case_id, for_change=True)
    services.case_close(actor=request.user, case=case, **payload.model_dump())
    return _case_written(request.user, case_id)


# Needs on a case ----------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/needs",
    response={200: list[CaseNeedOut], **error_responses(404, 422)},
    summary="The needs on a case, with their history",
)
def case_need_list(request: HttpRequest, case_id: int) -> list[CaseNeed]:
    return list(_case_detail(request.user, case_id).needs.all())


@created(
    router,
    "/cases/{case_id}/needs",
    CaseNeedOut,
    summary="Record a coded need on a case",
    description="`need` and `barrier` are codes from GET /api/v1/needs and /api/v1/barriers.",
)
def case_need_add(request: HttpRequest, case_id: int, payload: CaseNeedIn) -> CaseNeed:
    case = selectors.case_get(user=request.user, case_id=case_id, for_change=True)
    case_need = services.case_need_add(
        actor=request.user,
        case=case,
        need=selectors.need_by_code(payload.need),
        note=payload.note,
        status=payload.status,
        barrier=selectors.barrier_by_code(payload.barrier),
    )
    return selectors.case_needs(user=request.user, case=case).get(pk=case_need.pk)


@router.patch(
    "/cases/{case_id}/needs/{case_need_id}",
    response={200: CaseNeedOut, **error_responses(400, 404, 409, 422)},
    summary="Change a need's status",
    description=(
        "An unmet need names its barrier. Send the need's `version`; if it changed since, the answer is 409. "
        "Each change is kept in the need's history."
    ),
)
def case_need_status_change(
    request: HttpRequest, case_id: int, case_need_id: int, payload: CaseNeedPatch
) -> CaseNeed:
    case_need = selectors.case_need_get(user=request.user, case_need_id=case_need_id, for_change=True)
    if case_need.case_id != case_id:
        raise Http404("No need with this number on this case.")
    services.case_need_status_change(
        actor=request.user,
        case_need=case_need,
        status=payload.status,
        barrier=selectors.barrier_by_code(payload.barrier),
        note=payload.note,
        version=payload.version,
    )
    return selectors.case_needs(user=request.user, case=case_need.case).get(pk=case_need.pk)
