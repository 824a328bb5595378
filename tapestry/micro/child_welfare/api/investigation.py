"""API routes of child-welfare investigations: start, open, record contacts and findings, close."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.http import HttpRequest

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.micro.child_welfare.api.router import (
    PERSON,
    SEGMENT_NOTE,
    _named_by_caller,
    _with_records,
    router,
)
from tapestry.micro.child_welfare.models import Allegation, Investigation, InvestigationContact
from tapestry.web.schemas import created, error_responses

STAFF = (lambda pk: selectors.staff_member(user_id=pk), "There is no active staff member with this number.")


@created(
    router,
    "/child-welfare/reports/{report_id}/investigation",
    schemas.ChildWelfareInvestigationOut,
    summary="Start the investigation of a screened-in report",
    description="The investigating worker must hold the child-welfare grant; they get the family on their caseload."
    + SEGMENT_NOTE,
)
def child_welfare_investigation_start(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareInvestigationStartIn
) -> Investigation:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    fields = _with_records(payload, worker_id=STAFF)
    fields["worker"] = fields["worker"] or request.user
    services.investigation_start(actor=request.user, report=report, **fields)
    return selectors.investigation_written(user=request.user, report_id=report_id)


@router.get(
    "/child-welfare/reports/{report_id}/investigation",
    response={200: schemas.ChildWelfareInvestigationOut, **error_responses(404, 422)},
    summary="Open a report's investigation, with its contacts",
    description="404 when no investigation was started. Every open is audited." + SEGMENT_NOTE,
)
def child_welfare_investigation_detail(request: HttpRequest, report_id: int) -> Investigation:
    return selectors.investigation_detail(user=request.user, report_id=report_id)


@created(
    router,
    "/child-welfare/reports/{report_id}/investigation/contacts",
    schemas.ChildWelfareContactOut,
    summary="Record a contact made in the investigation",
    description="With a person on record (person_id) or a collateral source (collateral_name)."
    + SEGMENT_NOTE,
)
def child_welfare_contact_add(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareContactIn
) -> InvestigationContact:
    investigation = selectors.investigation_get(user=request.user, report_id=report_id, for_change=True)
    contact = services.contact_record(
        actor=request.user, investigation=investigation, **_with_records(payload, person_id=PERSON)
    )
    return _named_by_caller(contact, "person")


@router.post(
    "/child-welfare/reports/{report_id}/investigation/close",
    response={200: schemas.ChildWelfareInvestigationOut, **error_responses(400, 404, 409, 422)},
    summary="Close an investigation",
    description="Every allegation needs a finding first. Send the investigation's `version`." + SEGMENT_NOTE,
)
def child_welfare_investigation_close(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareInvestigationCloseIn
) -> Investigation:
    investigation = selectors.investigation_get(user=request.user, report_id=report_id, for_change=True)
    services.investigation_close(actor=request.user, investigation=investigation, **payload.model_dump())
    return selectors.investigation_written(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/allegations/{allegation_id}/finding",
    response={200: schemas.ChildWelfareAllegationOut, **error_responses(400, 404, 409, 422)},
    summary="Record the investigation's finding on one allegation",
    description="Substantiated, unsubstantiated or inconclusive, with what it rests on. Send the allegation's `version`."
    + SEGMENT_NOTE,
)
def child_welfare_finding_record(
    request: HttpRequest, allegation_id: int, payload: schemas.ChildWelfareFindingIn
) -> Allegation:
    allegation = selectors.allegation_get(user=request.user, allegation_id=allegation_id, for_change=True)
    return services.allegation_finding_record(
        actor=request.user, allegation=allegation, **payload.model_dump()
    )
