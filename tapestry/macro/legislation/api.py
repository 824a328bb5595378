"""API routes of legislation tracking: bills and policies, their history, the agency's work on them,
and the Open States import."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Body, Query, Router, Status

from tapestry.macro.legislation import selectors, services
from tapestry.macro.legislation.importing import bill_as_openstates
from tapestry.macro.legislation.models import (
    Action,
    Bill,
    BillVersion,
    Hearing,
    Legislator,
    LegislatorContact,
    Position,
    PositionPaper,
    Sponsorship,
    Testimony,
)
from tapestry.macro.legislation.models import Status as BillStatus
from tapestry.macro.legislation.schemas import (
    BillActionIn,
    BillActionOut,
    BillDetailOut,
    BillIn,
    BillOut,
    BillPatch,
    BillPositionIn,
    BillPositionOut,
    BillVersionIn,
    BillVersionOut,
    HearingIn,
    HearingOut,
    LegislatorContactIn,
    LegislatorContactOut,
    LegislatorIn,
    LegislatorOut,
    PaperIn,
    PaperOut,
    PaperReviseIn,
    SponsorshipIn,
    SponsorshipOut,
    TestimonyIn,
    TestimonyOut,
)
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["legislation"])

NO_LEGISLATOR = "No such legislator."
STATUS_PATTERN = f"^({'|'.join(BillStatus.values)})$"
STANCE_PATTERN = f"^({'|'.join(Position.Stance.values)}|none)$"
OPEN_STATES_BILL = Body(..., description="One bill in the Open States API v3 shape.")


def _legislator(data: dict) -> dict:
    return resolve_ids(
        data, {"legislator_id": (selectors.legislator_by_id, NO_LEGISLATOR)}, nullable=("legislator_id",)
    )


@paged_get(
    router,
    "/legislation/bills",
    BillOut,
    errors=(422,),
    summary="List the bills and policies the agency tracks",
    description="Filter by `status`, `subject` (exact name), `stance` (the agency's position; `none` for "
    "bills without one) and `kind`.",
)
def bill_list(
    request: HttpRequest,
    status: str | None = Query(None, pattern=STATUS_PATTERN),
    subject: str | None = Query(None, max_length=150),
    stance: str | None = Query(None, pattern=STANCE_PATTERN, description="A position, or `none`."),
    kind: str | None = Query(None, pattern="^(bill|regulation|agency_policy|local_policy)$"),
) -> QuerySet[Bill]:
    return selectors.bill_list(
        user=request.user, status=status or "", subject=subject or "", stance=stance or "", kind=kind or ""
    )


@created(router, "/legislation/bills", BillOut, errors=(400, 422), summary="Track a bill or policy")
def bill_create(request: HttpRequest, payload: BillIn) -> Bill:
    return services.bill_create(actor=request.user, **payload.model_dump())


@router.post(
    "/legislation/bills/import",
    response={200: BillOut, 201: BillOut, **error_responses(400, 422)},
    summary="Import a bill from an Open States (API v3) bill",
    description="The body is one bill as Open States answers it. A new bill answers 201, the same bill "
    "again (same Open States id, or jurisdiction, session and identifier) is updated and answers 200. "
    "Any problem answers 422 with every problem by where it is (`actions[2].date`), and nothing is stored.",
)
def bill_import(request: HttpRequest, payload: dict[str, Any] = OPEN_STATES_BILL) -> Status:
    report = services.bill_import(actor=request.user, data=payload, source="The bill")
    if not report.ok:
        count = len(report.problems)
        detail = f"Nothing was imported: {count} problem{'s' if count != 1 else ''} in the bill."
        return Status(422, {"detail": detail, "errors": report.errors()})
    bill = selectors.bill_get(user=request.user, bill_id=report.bill.pk)
    return Status(201 if report.created else 200, bill)


@router.get(
    "/legislation/bills/{bill_id}",
    response={200: BillDetailOut, **error_responses(404)},
    summary="A bill with its history and the agency's work on it",
)
def bill_detail(request: HttpRequest, bill_id: int) -> Bill:
    return selectors.bill_detail(user=request.user, bill_id=bill_id)


@router.get(
    "/legislation/bills/{bill_id}/openstates",
    response={200: dict[str, Any], **error_responses(404)},
    summary="A bill as an Open States (API v3) bill",
    description="The shape `POST /legislation/bills/import` reads, with what Tapestry holds of the bill; "
    "`id` is left out for a bill Open States never had.",
)
def bill_openstates(request: HttpRequest, bill_id: int) -> dict[str, Any]:
    return bill_as_openstates(selectors.bill_for_export(user=request.user, bill_id=bill_id))


@router.patch(
    "/legislation/bills/{bill_id}",
    response={200: BillOut, **error_responses(400, 404, 409, 422)},
    summary="Change a bill's facts",
    description="Send the `version` you read (409 if someone saved since) and only the fields you change.",
)
def bill_update(request: HttpRequest, bill_id: int, payload: BillPatch) -> Bill:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, list(changes))
    return services.bill_update(actor=request.user, bill=bill, version=payload.version, changes=changes)


@created(
    router, "/legislation/bills/{bill_id}/actions", BillActionOut, summary="Add an action to a bill's history"
)
def action_add(request: HttpRequest, bill_id: int, payload: BillActionIn) -> Action:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    return services.action_add(actor=request.user, bill=bill, **payload.model_dump())


@created(router, "/legislation/bills/{bill_id}/sponsorships", SponsorshipOut, summary="Add a sponsor")
def sponsorship_add(request: HttpRequest, bill_id: int, payload: SponsorshipIn) -> Sponsorship:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    data = _legislator(payload.model_dump())
    if not data["name"] and data["legislator"] is None:
        raise ValidationError({"name": ["Give the sponsor's name or a legislator_id."]})
    return services.sponsorship_add(actor=request.user, bill=bill, **data)


@created(
    router, "/legislation/bills/{bill_id}/versions", BillVersionOut, summary="Add a version of a bill's text"
)
def version_add(request: HttpRequest, bill_id: int, payload: BillVersionIn) -> BillVersion:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    return services.version_add(actor=request.user, bill=bill, **payload.model_dump())


@router.put(
    "/legislation/bills/{bill_id}/position",
    response={200: BillPositionOut, **error_responses(400, 404, 409, 422)},
    summary="Take or change the agency's position on a bill",
    description="`version` 0 takes the first position; after that send the version you read (409 if stale).",
)
def position_set(request: HttpRequest, bill_id: int, payload: BillPositionIn) -> Position:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    return services.position_set(actor=request.user, bill=bill, **payload.model_dump())


@created(router, "/legislation/bills/{bill_id}/papers", PaperOut, summary="Write a position paper")
def paper_add(request: HttpRequest, bill_id: int, payload: PaperIn) -> PositionPaper:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    paper = services.paper_create(actor=request.user, bill=bill, **payload.model_dump())
    return selectors.paper_get(user=request.user, paper_id=paper.pk)


@created(
    router,
    "/legislation/papers/{paper_id}/versions",
    PaperOut,
    errors=(400, 404, 409, 422),
    summary="Write a new version of a position paper (the earlier ones are kept)",
)
def paper_revise(request: HttpRequest, paper_id: int, payload: PaperReviseIn) -> PositionPaper:
    paper = selectors.paper_get(user=request.user, paper_id=paper_id)
    services.paper_revise(actor=request.user, paper=paper, **payload.model_dump())
    return selectors.paper_get(user=request.user, paper_id=paper_id)


@created(router, "/legislation/bills/{bill_id}/testimony", TestimonyOut, summary="Record testimony given")
def testimony_add(request: HttpRequest, bill_id: int, payload: TestimonyIn) -> Testimony:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    data = resolve_ids(
        payload.model_dump(),
        {"hearing_id": (lambda pk: selectors.hearing_of(bill, pk), "No such hearing on this bill.")},
        nullable=("hearing_id",),
    )
    return services.testimony_record(actor=request.user, bill=bill, **data)


@created(
    router,
    "/legislation/bills/{bill_id}/contacts",
    LegislatorContactOut,
    summary="Log a contact with a legislator or their staff",
)
def contact_add(request: HttpRequest, bill_id: int, payload: LegislatorContactIn) -> LegislatorContact:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    return services.contact_record(actor=request.user, bill=bill, **_legislator(payload.model_dump()))


@created(
    router,
    "/legislation/bills/{bill_id}/hearings",
    HearingOut,
    summary="Schedule a hearing (its followers are reminded three days before)",
)
def hearing_add(request: HttpRequest, bill_id: int, payload: HearingIn) -> Hearing:
    bill = selectors.bill_get(user=request.user, bill_id=bill_id)
    return services.hearing_schedule(actor=request.user, bill=bill, **payload.model_dump())


@paged_get(router, "/legislation/legislators", LegislatorOut, errors=(422,), summary="List legislators")
def legislator_list(request: HttpRequest) -> QuerySet[Legislator]:
    return selectors.legislator_list(user=request.user)


@created(router, "/legislation/legislators", LegislatorOut, errors=(400, 422), summary="Add a legislator")
def legislator_create(request: HttpRequest, payload: LegislatorIn) -> Legislator:
    return services.legislator_create(actor=request.user, **payload.model_dump())
