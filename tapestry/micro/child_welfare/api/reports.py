"""API routes of child-welfare reports: list, record, open, screen, add allegations and people."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.db.models import QuerySet
from django.http import HttpRequest

from tapestry.micro.child_welfare import schemas, selectors, services
from tapestry.micro.child_welfare.api.router import (
    ORGANISATION,
    PERSON,
    SEGMENT_NOTE,
    _allegation_input,
    _named_by_caller,
    _report_fields,
    _with_records,
    router,
)
from tapestry.micro.child_welfare.models import Allegation, Report, ReportParticipant
from tapestry.web.ids import found_or_404
from tapestry.web.schemas import created, error_responses, paged_get


@paged_get(
    router,
    "/cases/{case_id}/child-welfare/reports",
    schemas.ChildWelfareReportListItemOut,
    summary="List a case's reports of suspected abuse or neglect",
    description="Newest first. Reporters' names are only in a single report's answer." + SEGMENT_NOTE,
)
def child_welfare_report_list(request: HttpRequest, case_id: int) -> QuerySet[Report]:
    return selectors.case_reports(user=request.user, case_id=case_id)


@created(
    router,
    "/cases/{case_id}/child-welfare/reports",
    schemas.ChildWelfareReportOut,
    summary="Record a report on a child-welfare case",
    description="The report awaits screening. Each child in an allegation is named on it as a child."
    + SEGMENT_NOTE,
)
def child_welfare_report_create(
    request: HttpRequest, case_id: int, payload: schemas.ChildWelfareReportIn
) -> Report:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    report = services.report_receive(actor=request.user, case=case, **_report_fields(payload))
    return selectors.report_written(user=request.user, report_id=report.pk)


@created(
    router,
    "/persons/{person_id}/child-welfare/reports",
    schemas.ChildWelfareReportOut,
    summary="Open a child-welfare case for a person and record a report on it",
    description="One step: the case (type child_welfare, in the child-welfare segment) and its first report."
    + SEGMENT_NOTE,
)
def child_welfare_report_create_opening_case(
    request: HttpRequest, person_id: int, payload: schemas.ChildWelfareReportIn
) -> Report:
    selectors.require_segment(request.user)
    person = found_or_404(selectors.person_named(person_id=person_id), "There is no person with this number.")
    report = services.report_receive_opening_case(
        actor=request.user, person=person, **_report_fields(payload)
    )
    return selectors.report_written(user=request.user, report_id=report.pk)


@router.get(
    "/child-welfare/reports/{report_id}",
    response={200: schemas.ChildWelfareReportOut, **error_responses(404, 422)},
    summary="Open a report, with its allegations, people, screening and investigation",
    description="Every open is written to the audit log." + SEGMENT_NOTE,
)
def child_welfare_report_detail(request: HttpRequest, report_id: int) -> Report:
    return selectors.report_detail(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/reports/{report_id}/screening",
    response={200: schemas.ChildWelfareReportOut, **error_responses(400, 404, 409, 422)},
    summary="Record the screening decision",
    description=(
        "screened_in, screened_out (with a reason) or referred (with referred_to_id and a reason). "
        "Send the report's `version`; a stale one is answered 409." + SEGMENT_NOTE
    ),
)
def child_welfare_report_screen(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareScreeningIn
) -> Report:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    services.report_screen(
        actor=request.user, report=report, **_with_records(payload, referred_to_id=ORGANISATION)
    )
    return selectors.report_written(user=request.user, report_id=report_id)


@created(
    router,
    "/child-welfare/reports/{report_id}/allegations",
    schemas.ChildWelfareAllegationOut,
    summary="Add an allegation to a report",
    description="While the report awaits screening or is under investigation." + SEGMENT_NOTE,
)
def child_welfare_allegation_add(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareAllegationIn
) -> Allegation:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    allegation = services.allegation_add(
        actor=request.user, report=report, allegation=_allegation_input(payload)
    )
    return _named_by_caller(allegation, "child", "alleged_perpetrator")


@created(
    router,
    "/child-welfare/reports/{report_id}/participants",
    schemas.ChildWelfareParticipantOut,
    summary="Name a child or adult involved in a report",
    description=SEGMENT_NOTE.strip(),
)
def child_welfare_participant_add(
    request: HttpRequest, report_id: int, payload: schemas.ChildWelfareParticipantIn
) -> ReportParticipant:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    participant = services.participant_add(
        actor=request.user, report=report, **_with_records(payload, person_id=PERSON)
    )
    return _named_by_caller(participant, "person")
