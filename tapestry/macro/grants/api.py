"""API routes of grants: funders, opportunities, the pipeline, applications and their moves, proposal
versions, awards with their programs, deliverables and reporting deadlines."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from tapestry.macro.grants import selectors, views
from tapestry.macro.grants import services as grant_services
from tapestry.macro.grants.models import (
    Application,
    Award,
    AwardProgram,
    Deliverable,
    Funder,
    FunderReport,
    Opportunity,
    ProposalVersion,
    ReportingDeadline,
)
from tapestry.macro.grants.schemas import (
    AllocationIn,
    AllocationOut,
    ApplicationDetailOut,
    ApplicationIn,
    ApplicationOut,
    ApplicationPatch,
    AwardIn,
    AwardOut,
    AwardPatch,
    DeadlineOut,
    DeliverableIn,
    DeliverableOut,
    DeliverablePatch,
    FunderIn,
    FunderOut,
    FunderPatch,
    FunderReportIn,
    FunderReportListOut,
    FunderReportOut,
    FunderReportPatch,
    FunderReportSubmitIn,
    OpportunityIn,
    OpportunityOut,
    OpportunityPatch,
    PipelineOut,
    ProposalIn,
    ProposalOut,
    ReportIn,
    ReportOut,
    ReportPatch,
    StageMoveIn,
)
from tapestry.web.ids import picked, renaming, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["grants"])

# A service names the record's fields; the API's bodies name ids (`lead_id`, `need_ids`).
API_NAMES = {
    "organisation": "organisation_id",
    "contact": "contact_id",
    "focus_needs": "focus_need_ids",
    "funder": "funder_id",
    "programs": "program_ids",
    "needs": "need_ids",
    "opportunity": "opportunity_id",
    "lead": "lead_id",
    "program": "program_id",
    "owner": "owner_id",
    "deadline": "deadline_id",
    "indicators": "indicator_ids",
}


class _NamedAsSent:
    """The grants services, whose field errors come back under the names the request used."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        service = getattr(grant_services, name)

        def call(**kwargs: Any) -> Any:
            with renaming(API_NAMES):
                return service(**kwargs)

        return call


services = _NamedAsSent()

STAFF = (selectors.staff_account, "No such staff member.")
NEEDS = "No such need:"
PROGRAMS = "No such program:"


def _body(payload: Schema, *, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields sent, without the version; null is refused for a field the record cannot leave empty."""
    data = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(data, required)
    return data


def _lists(data: dict[str, Any], lists: dict[str, tuple[str, Any, str]]) -> dict[str, Any]:
    """Replace each list of ids (`need_ids`) by the records it names (`needs`), or a 422 on that field."""
    for id_field, (name, records, missing) in lists.items():
        if id_field in data:
            data[name] = picked(records, data.pop(id_field) or [], id_field, missing)
    return data


def _text_nulls(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """An optional text sent as null is cleared to empty."""
    return {k: ("" if v is None and k in names else v) for k, v in data.items()}


# Funders -----------------------------------------------------------------------------------------


@paged_get(router, "/grants/funders", FunderOut, errors=(422,), summary="List funders")
def funder_list(request: HttpRequest) -> QuerySet[Funder]:
    return selectors.funder_list(user=request.user)


@created(router, "/grants/funders", FunderOut, errors=(400, 422), summary="Keep an organisation as a funder")
def funder_create(request: HttpRequest, payload: FunderIn) -> Funder:
    data = resolve_ids(
        payload.model_dump(),
        {
            "organisation_id": (selectors.organisation, "No such organisation."),
            "contact_id": (selectors.contact, "No such contact."),
        },
        nullable=("contact_id",),
    )
    _lists(data, {"focus_need_ids": ("focus_needs", selectors.needs(), NEEDS)})
    return selectors.funder_get(
        user=request.user, funder_id=services.funder_create(actor=request.user, **data).pk
    )


@router.get(
    "/grants/funders/{funder_id}", response={200: FunderOut, **error_responses(404)}, summary="A funder"
)
def funder_detail(request: HttpRequest, funder_id: int) -> Funder:
    return selectors.funder_get(user=request.user, funder_id=funder_id)


@router.patch(
    "/grants/funders/{funder_id}",
    response={200: FunderOut, **error_responses(400, 404, 409, 422)},
    summary="Change a funder",
    description="Send the `version` you read (409 if someone saved in between).",
)
def funder_update(request: HttpRequest, funder_id: int, payload: FunderPatch) -> Funder:
    funder = selectors.funder_get(user=request.user, funder_id=funder_id)
    data = _text_nulls(_body(payload, required=("kind",)), ("focus", "notes"))
    data = resolve_ids(
        data, {"contact_id": (selectors.contact, "No such contact.")}, nullable=("contact_id",)
    )
    _lists(data, {"focus_need_ids": ("focus_needs", selectors.needs(), NEEDS)})
    services.funder_update(actor=request.user, funder=funder, version=payload.version, changes=data)
    return selectors.funder_get(user=request.user, funder_id=funder_id)


# Opportunities -----------------------------------------------------------------------------------

OPPORTUNITY_LISTS = {
    "program_ids": ("programs", selectors.programs(), PROGRAMS),
    "need_ids": ("needs", selectors.needs(), NEEDS),
}


@paged_get(
    router,
    "/grants/opportunities",
    OpportunityOut,
    errors=(422,),
    summary="List grant opportunities",
    description="`open=true` leaves out those whose deadline has passed.",
)
def opportunity_list(request: HttpRequest, open: bool = Query(False)) -> QuerySet[Opportunity]:  # noqa: A002
    return selectors.opportunity_list(user=request.user, open_only=open)


@created(
    router, "/grants/opportunities", OpportunityOut, errors=(400, 422), summary="Add a grant opportunity"
)
def opportunity_create(request: HttpRequest, payload: OpportunityIn) -> Opportunity:
    data = resolve_ids(payload.model_dump(), {"funder_id": (selectors.funder, "No such funder.")})
    _lists(data, OPPORTUNITY_LISTS)
    row = services.opportunity_create(actor=request.user, **data)
    return selectors.opportunity_get(user=request.user, opportunity_id=row.pk)


@router.get(
    "/grants/opportunities/{opportunity_id}",
    response={200: OpportunityOut, **error_responses(404)},
    summary="A grant opportunity",
)
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> Opportunity:
    return selectors.opportunity_get(user=request.user, opportunity_id=opportunity_id)


@router.patch(
    "/grants/opportunities/{opportunity_id}",
    response={200: OpportunityOut, **error_responses(400, 404, 409, 422)},
    summary="Change a grant opportunity",
    description="Send the `version` you read (409 if someone saved in between).",
)
def opportunity_update(request: HttpRequest, opportunity_id: int, payload: OpportunityPatch) -> Opportunity:
    row = selectors.opportunity_get(user=request.user, opportunity_id=opportunity_id)
    data = _text_nulls(_body(payload, required=("title",)), ("fit_reason", "eligibility"))
    _lists(data, OPPORTUNITY_LISTS)
    services.opportunity_update(actor=request.user, opportunity=row, version=payload.version, changes=data)
    return selectors.opportunity_get(user=request.user, opportunity_id=opportunity_id)


# The pipeline and applications -------------------------------------------------------------------


@router.get(
    "/grants/pipeline",
    response={200: PipelineOut, **error_responses()},
    summary="The grant pipeline by stage, with amounts requested and awarded",
    description="A summary that leadership may read too: no proposal text, no notes.",
)
def grant_pipeline(request: HttpRequest) -> dict:
    board = selectors.pipeline(user=request.user)
    return {
        "requested": board.requested,
        "awarded": board.awarded,
        "stages": [
            {
                "stage": column.stage,
                "label": column.label,
                "requested": column.requested,
                "awarded": column.awarded,
                "applications": [_pipeline_item(row) for row in column.applications],
            }
            for column in board.columns
        ],
    }


def _pipeline_item(row: Application) -> dict:
    award = getattr(row, "award", None)
    funded = [a.program.name for a in award.allocations.all()] if award is not None else []
    return {
        "id": row.pk,
        "title": row.title,
        "funder": row.opportunity.funder.organisation.name,
        "stage": row.stage,
        "amount_requested": row.amount_requested,
        "amount_awarded": award.amount if award is not None else None,
        "programs": funded or [p.name for p in row.opportunity.programs.all()],
    }


@paged_get(
    router,
    "/grants/applications",
    ApplicationOut,
    errors=(422,),
    summary="List grant applications",
    description="`stage` filters by one stage of the pipeline.",
)
def application_list(
    request: HttpRequest,
    stage: str | None = Query(None, pattern="^(prospect|drafting|submitted|awarded|declined|withdrawn)$"),
) -> QuerySet[Application]:
    return selectors.application_list(user=request.user, stage=stage or "")


@created(
    router,
    "/grants/applications",
    ApplicationDetailOut,
    errors=(400, 422),
    summary="Start an application for an opportunity",
    description="It enters the pipeline as a prospect.",
)
def application_create(request: HttpRequest, payload: ApplicationIn) -> Application:
    data = resolve_ids(
        payload.model_dump(),
        {"opportunity_id": (selectors.opportunity, "No such grant opportunity."), "lead_id": STAFF},
        nullable=("lead_id",),
    )
    row = services.application_create(actor=request.user, **data)
    return selectors.application_get(user=request.user, application_id=row.pk)


@router.get(
    "/grants/applications/{application_id}",
    response={200: ApplicationDetailOut, **error_responses(404)},
    summary="A grant application with its stage history",
)
def application_detail(request: HttpRequest, application_id: int) -> Application:
    return selectors.application_get(user=request.user, application_id=application_id)


@router.patch(
    "/grants/applications/{application_id}",
    response={200: ApplicationDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Change an application's title, amount requested or lead",
    description="The stage moves only through `POST .../stage`. Send the `version` you read.",
)
def application_update(request: HttpRequest, application_id: int, payload: ApplicationPatch) -> Application:
    row = selectors.application_get(user=request.user, application_id=application_id)
    data = resolve_ids(_body(payload, required=("title",)), {"lead_id": STAFF}, nullable=("lead_id",))
    services.application_update(actor=request.user, application=row, version=payload.version, changes=data)
    return selectors.application_get(user=request.user, application_id=application_id)


@router.post(
    "/grants/applications/{application_id}/stage",
    response={200: ApplicationDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Move an application along the pipeline",
    description="A move the pipeline does not allow (declined → submitted) is a 400 naming the moves it allows.",
)
def application_move(request: HttpRequest, application_id: int, payload: StageMoveIn) -> Application:
    row = selectors.application_get(user=request.user, application_id=application_id)
    services.application_move(
        actor=request.user,
        application=row,
        version=payload.version,
        stage=payload.stage,
        note=payload.note,
        on=payload.on,
    )
    return selectors.application_get(user=request.user, application_id=application_id)


@router.get(
    "/grants/applications/{application_id}/proposal-versions",
    response={200: list[ProposalOut], **error_responses(404)},
    summary="Every saved version of an application's proposal, newest first",
)
def proposal_versions(request: HttpRequest, application_id: int) -> list[ProposalVersion]:
    row = selectors.application_get(user=request.user, application_id=application_id)
    return selectors.proposal_versions(row)


@created(
    router,
    "/grants/applications/{application_id}/proposal-versions",
    ProposalOut,
    summary="Save a new version of the proposal",
    description="Earlier versions are kept; only a prospect or an application being drafted takes a new one.",
)
def proposal_save(request: HttpRequest, application_id: int, payload: ProposalIn) -> ProposalVersion:
    row = selectors.application_get(user=request.user, application_id=application_id)
    return services.proposal_save(actor=request.user, application=row, **payload.model_dump())


# Awards ------------------------------------------------------------------------------------------


@created(
    router,
    "/grants/applications/{application_id}/award",
    AwardOut,
    summary="Record the award on an awarded application",
)
def award_create(request: HttpRequest, application_id: int, payload: AwardIn) -> Award:
    row = selectors.application_get(user=request.user, application_id=application_id)
    award = services.award_create(actor=request.user, application=row, **payload.model_dump())
    return selectors.award_detail(user=request.user, award_id=award.pk)


@router.get("/grants/awards/{award_id}", response={200: AwardOut, **error_responses(404)}, summary="An award")
def award_detail(request: HttpRequest, award_id: int) -> Award:
    return selectors.award_detail(user=request.user, award_id=award_id)


@router.patch(
    "/grants/awards/{award_id}",
    response={200: AwardOut, **error_responses(400, 404, 409, 422)},
    summary="Change an award",
    description="Send the `version` you read (409 if someone saved in between).",
)
def award_update(request: HttpRequest, award_id: int, payload: AwardPatch) -> Award:
    award = selectors.award_get(user=request.user, award_id=award_id)
    data = _text_nulls(_body(payload, required=("amount", "starts_on", "ends_on")), ("reference", "notes"))
    services.award_update(actor=request.user, award=award, version=payload.version, changes=data)
    return selectors.award_detail(user=request.user, award_id=award_id)


@created(router, "/grants/awards/{award_id}/programs", AllocationOut, summary="Add a program the award funds")
def award_program_add(request: HttpRequest, award_id: int, payload: AllocationIn) -> AwardProgram:
    award = selectors.award_get(user=request.user, award_id=award_id)
    data = resolve_ids(payload.model_dump(), {"program_id": (selectors.program, "No such program.")})
    return services.award_program_add(actor=request.user, award=award, **data)


@created(router, "/grants/awards/{award_id}/deliverables", DeliverableOut, summary="Add a deliverable")
def deliverable_add(request: HttpRequest, award_id: int, payload: DeliverableIn) -> Deliverable:
    award = selectors.award_get(user=request.user, award_id=award_id)
    data = resolve_ids(payload.model_dump(), {"owner_id": STAFF}, nullable=("owner_id",))
    return services.deliverable_add(actor=request.user, award=award, **data)


@router.patch(
    "/grants/deliverables/{deliverable_id}",
    response={200: DeliverableOut, **error_responses(400, 404, 409, 422)},
    summary="Change a deliverable, or mark it done",
)
def deliverable_update(request: HttpRequest, deliverable_id: int, payload: DeliverablePatch) -> Deliverable:
    row = selectors.deliverable_get(user=request.user, deliverable_id=deliverable_id)
    data = resolve_ids(
        _body(payload, required=("description", "due_on")), {"owner_id": STAFF}, nullable=("owner_id",)
    )
    return services.deliverable_update(
        actor=request.user, deliverable=row, version=payload.version, changes=data
    )


@created(router, "/grants/awards/{award_id}/reports", ReportOut, summary="Add a reporting deadline")
def report_add(request: HttpRequest, award_id: int, payload: ReportIn) -> ReportingDeadline:
    award = selectors.award_get(user=request.user, award_id=award_id)
    data = resolve_ids(payload.model_dump(), {"owner_id": STAFF}, nullable=("owner_id",))
    return services.report_add(actor=request.user, award=award, **data)


@router.patch(
    "/grants/reports/{report_id}",
    response={200: ReportOut, **error_responses(400, 404, 409, 422)},
    summary="Change a reporting deadline, or mark the report submitted",
)
def report_update(request: HttpRequest, report_id: int, payload: ReportPatch) -> ReportingDeadline:
    row = selectors.report_get(user=request.user, report_id=report_id)
    data = _text_nulls(_body(payload, required=("kind", "due_on")), ("notes",))
    data = resolve_ids(data, {"owner_id": STAFF}, nullable=("owner_id",))
    return services.report_update(actor=request.user, report=row, version=payload.version, changes=data)


@router.get(
    "/grants/deadlines",
    response={200: list[DeadlineOut], **error_responses(422)},
    summary="Deliverables and reports still owed, overdue and due within `within_days`, soonest first",
)
def deadline_list(request: HttpRequest, within_days: int = Query(90, ge=0, le=3660)) -> list:
    return selectors.deadlines(user=request.user, within_days=within_days)


# Funder reports ----------------------------------------------------------------------------------

INDICATORS = "No such indicator:"


def _deadline_lookup(award: Award) -> tuple[Callable[[int], Any], str]:
    return (
        lambda pk: selectors.deadline_choices(award).filter(pk=pk).first(),
        "No such reporting deadline of this award.",
    )


@paged_get(
    router,
    "/grants/awards/{award_id}/funder-reports",
    FunderReportListOut,
    summary="The reports to the funder on an award, latest period first",
)
def funder_report_list(request: HttpRequest, award_id: int) -> list[FunderReport]:
    award = selectors.award_get(user=request.user, award_id=award_id)
    return selectors.funder_report_list(user=request.user, award=award)


@created(
    router,
    "/grants/awards/{award_id}/funder-reports",
    FunderReportOut,
    summary="Start a draft report to the funder",
    description="Its figures come from the chosen evaluation indicators over the period, computed when read "
    "until the report is submitted.",
)
def funder_report_create(request: HttpRequest, award_id: int, payload: FunderReportIn) -> FunderReport:
    award = selectors.award_get(user=request.user, award_id=award_id)
    data = resolve_ids(
        payload.model_dump(), {"deadline_id": _deadline_lookup(award)}, nullable=("deadline_id",)
    )
    _lists(data, {"indicator_ids": ("indicators", selectors.indicator_choices(), INDICATORS)})
    report = services.funder_report_create(actor=request.user, award=award, **data)
    return selectors.funder_report_page(user=request.user, report_id=report.pk)


@router.get(
    "/grants/funder-reports/{funder_report_id}",
    response={200: FunderReportOut, **error_responses(404)},
    summary="A funder report with its figures",
    description="A draft's figures are computed now; a submitted report's are those stored when it was sent.",
)
def funder_report_detail(request: HttpRequest, funder_report_id: int) -> FunderReport:
    return selectors.funder_report_page(user=request.user, report_id=funder_report_id)


@router.patch(
    "/grants/funder-reports/{funder_report_id}",
    response={200: FunderReportOut, **error_responses(400, 404, 409, 422)},
    summary="Change a draft report's narrative, period or indicators",
    description="Send the `version` you read (409 if someone saved in between); a submitted report is refused.",
)
def funder_report_update(
    request: HttpRequest, funder_report_id: int, payload: FunderReportPatch
) -> FunderReport:
    report = selectors.funder_report_get(user=request.user, report_id=funder_report_id)
    data = _body(payload, required=("title", "period_start", "period_end", "indicator_ids"))
    data = _text_nulls(data, FunderReport.SECTIONS)
    data = resolve_ids(data, {"deadline_id": _deadline_lookup(report.award)}, nullable=("deadline_id",))
    _lists(data, {"indicator_ids": ("indicators", selectors.indicator_choices(), INDICATORS)})
    services.funder_report_update(actor=request.user, report=report, version=payload.version, changes=data)
    return selectors.funder_report_page(user=request.user, report_id=funder_report_id)


@router.post(
    "/grants/funder-reports/{funder_report_id}/submit",
    response={200: FunderReportOut, **error_responses(400, 404, 409, 422)},
    summary="Submit a report to the funder",
    description="Its figures are stored as they are now and shown from then on; the reporting deadline it "
    "answers is marked submitted.",
)
def funder_report_submit(
    request: HttpRequest, funder_report_id: int, payload: FunderReportSubmitIn
) -> FunderReport:
    report = selectors.funder_report_get(user=request.user, report_id=funder_report_id)
    services.funder_report_submit(actor=request.user, report=report, **payload.model_dump())
    return selectors.funder_report_page(user=request.user, report_id=funder_report_id)


@router.get(
    "/grants/funder-reports/{funder_report_id}/pdf",
    response={200: bytes, **error_responses(404)},
    summary="A funder report as a PDF",
    description="The same figures as the report's page (application/pdf); each download is audited.",
)
def funder_report_pdf(request: HttpRequest, funder_report_id: int) -> HttpResponse:
    report = selectors.funder_report_page(user=request.user, report_id=funder_report_id)
    return views.pdf_response(request, report)
