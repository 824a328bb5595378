"""API routes of child-welfare placements and court hearings."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.db.models import QuerySet
from django.http import HttpRequest

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.micro.child_welfare.api.router import (
    ORGANISATION,
    PERSON,
    SEGMENT_NOTE,
    _named_by_caller,
    _with_records,
    router,
)
from tapestry.micro.child_welfare.models import Hearing, Placement
from tapestry.web.schemas import created, error_responses, paged_get

# Placements ------------------------------------------------------------------------------------------------


@paged_get(
    router,
    "/cases/{case_id}/child-welfare/placements",
    schemas.ChildWelfarePlacementOut,
    summary="List a case's placements",
    description="Newest first; an open placement has no ended_on." + SEGMENT_NOTE,
)
def child_welfare_placement_list(request: HttpRequest, case_id: int) -> QuerySet[Placement]:
    return selectors.case_placements(user=request.user, case_id=case_id)


@created(
    router,
    "/cases/{case_id}/child-welfare/placements",
    schemas.ChildWelfarePlacementOut,
    summary="Place a child",
    description=(
        "A child has one open placement at a time: a second is refused (400) unless end_current is true "
        "with a change_reason, which ends the current one on started_on. A removal is refused (400, the "
        "field named) without a report on the case that was screened in or awaits screening, without an "
        "unsafe finding or a legal_authority, or for a child aged 21 or over on started_on." + SEGMENT_NOTE
    ),
)
def child_welfare_placement_create(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfarePlacementIn
) -> Placement:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    fields = _with_records(
        payload, child_id=PERSON, carer_person_id=PERSON, carer_organisation_id=ORGANISATION
    )
    placement = services.placement_start(actor=request.user, case=case, **fields)
    return _named_by_caller(placement, "carer_person")


@router.post(
    "/child-welfare/placements/{placement_id}/end",
    response={200: schemas.ChildWelfarePlacementOut, **error_responses(400, 404, 409, 422)},
    summary="End a placement",
    description="Send the placement's `version`; a stale one is answered 409." + SEGMENT_NOTE,
)
def child_welfare_placement_end(
    request: HttpRequest, placement_id: int, payload: schemas.ChildWelfarePlacementEndIn
) -> Placement:
    placement = selectors.placement_get(user=request.user, placement_id=placement_id, for_change=True)
    return services.placement_end(actor=request.user, placement=placement, **payload.model_dump())


# Court hearings ------------------------------------------------------------------------------------------------


@paged_get(
    router,
    "/cases/{case_id}/child-welfare/hearings",
    schemas.ChildWelfareHearingOut,
    summary="List a case's court hearings",
    description="Latest first." + SEGMENT_NOTE,
)
def child_welfare_hearing_list(request: HttpRequest, case_id: int) -> QuerySet[Hearing]:
    return selectors.case_hearings(user=request.user, case_id=case_id)


@created(
    router,
    "/cases/{case_id}/child-welfare/hearings",
    schemas.ChildWelfareHearingOut,
    summary="Schedule a court hearing",
    description="court_id must be an organisation of kind court." + SEGMENT_NOTE,
)
def child_welfare_hearing_create(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfareHearingIn
) -> Hearing:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    fields = _with_records(payload, court_id=ORGANISATION, child_id=PERSON)
    return services.hearing_schedule(actor=request.user, case=case, **fields)


@router.post(
    "/child-welfare/hearings/{hearing_id}/outcome",
    response={200: schemas.ChildWelfareHearingOut, **error_responses(400, 404, 409, 422)},
    summary="Record a hearing's outcome and the next hearing date",
    description="Once the hearing has taken place. Send the hearing's `version`." + SEGMENT_NOTE,
)
def child_welfare_hearing_outcome(
    request: HttpRequest, hearing_id: int, payload: schemas.ChildWelfareHearingOutcomeIn
) -> Hearing:
    hearing = selectors.hearing_get(user=request.user, hearing_id=hearing_id, for_change=True)
    return services.hearing_record_outcome(actor=request.user, hearing=hearing, **payload.model_dump())
