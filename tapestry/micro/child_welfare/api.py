"""API routes of child welfare: reports and screening, investigations, safety, placements, hearings."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from tapestry.micro.child_welfare import selectors, services
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    Placement,
    Report,
    SafetyAssessment,
    SafetyPlan,
)
from tapestry.micro.child_welfare.models.permanency import PermanencyGoal
from tapestry.micro.child_welfare.schemas import (
    ChildWelfareAllegationIn,
    ChildWelfareAllegationOut,
    ChildWelfareChildInCareOut,
    ChildWelfareContactIn,
    ChildWelfareContactOut,
    ChildWelfareFindingIn,
    ChildWelfareHearingIn,
    ChildWelfareHearingOut,
    ChildWelfareHearingOutcomeIn,
    ChildWelfareInvestigationCloseIn,
    ChildWelfareInvestigationOut,
    ChildWelfareInvestigationStartIn,
    ChildWelfareParticipantIn,
    ChildWelfareParticipantOut,
    ChildWelfarePermanencyGoalIn,
    ChildWelfarePermanencyGoalOut,
    ChildWelfarePlacementEndIn,
    ChildWelfarePlacementIn,
    ChildWelfarePlacementOut,
    ChildWelfarePlanActionIn,
    ChildWelfarePlanActionOut,
    ChildWelfareReportIn,
    ChildWelfareReportListItemOut,
    ChildWelfareReportOut,
    ChildWelfareSafetyAssessmentIn,
    ChildWelfareSafetyAssessmentOut,
    ChildWelfareSafetyPlanIn,
    ChildWelfareSafetyPlanOut,
    ChildWelfareSafetyPlanPatch,
    ChildWelfareScreeningIn,
    ChildWelfareTerminationReviewIn,
    ChildWelfareTerminationReviewOut,
)
from tapestry.people.models import Organisation, Person
from tapestry.web.ids import referenced
from tapestry.web.schemas import Pages, error_responses

router = Router(tags=["child welfare"])

SEGMENT_NOTE = " Needs the child-welfare segment grant; without it the answer is 403."


def _person(person_id: int | None, field: str) -> Person | None:
    """A person named in the body; whether the caller may name them is the service's check."""
    if person_id is None:
        return None
    return referenced(
        field, lambda: selectors.person_named(person_id=person_id), "There is no person with this number."
    )


def _named_by_caller(record: Any, *fields: str) -> Any:
    """Mark the persons a write just named as nameable: the service refuses anyone the caller may not open."""
    for field in fields:
        setattr(record, f"{field}_nameable", True)
    return record


def _organisation(organisation_id: int | None, field: str) -> Organisation | None:
    if organisation_id is None:
        return None
    return referenced(
        field,
        lambda: selectors.organisation_named(organisation_id=organisation_id),
        "There is no organisation with this number.",
    )


def _allegation_input(given: ChildWelfareAllegationIn, prefix: str = "") -> services.AllegationInput:
    return services.AllegationInput(
        child=_person(given.child_id, f"{prefix}child_id"),
        maltreatment=given.maltreatment,
        alleged_perpetrator=_person(given.alleged_perpetrator_id, f"{prefix}alleged_perpetrator_id"),
        description=given.description,
    )


def _action_input(given: ChildWelfarePlanActionIn, prefix: str = "") -> services.PlanActionInput:
    return services.PlanActionInput(
        action=given.action,
        responsible_person=_person(given.responsible_person_id, f"{prefix}responsible_person_id"),
        responsible_name=given.responsible_name,
        when=given.when,
    )


def _report_fields(payload: ChildWelfareReportIn) -> dict:
    fields = payload.model_dump(exclude={"allegations", "participants"})
    fields["allegations"] = [
        _allegation_input(given, f"allegations.{index}.") for index, given in enumerate(payload.allegations)
    ]
    fields["participants"] = [
        services.ParticipantInput(
            person=_person(given.person_id, f"participants.{index}.person_id"),
            role=given.role,
            note=given.note,
        )
        for index, given in enumerate(payload.participants)
    ]
    return fields


# Reports ------------------------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/child-welfare/reports",
    response={200: list[ChildWelfareReportListItemOut], **error_responses(404, 422)},
    operation_id="child_welfare_report_list",
    summary="List a case's reports of suspected abuse or neglect",
    description="Newest first. Reporters' names are only in a single report's answer." + SEGMENT_NOTE,
)
@paginate(Pages)
def report_list(request: HttpRequest, case_id: int) -> QuerySet[Report]:
    return selectors.case_reports(user=request.user, case_id=case_id)


@router.post(
    "/cases/{case_id}/child-welfare/reports",
    response={201: ChildWelfareReportOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_report_create",
    summary="Record a report on a child-welfare case",
    description="The report awaits screening. Each child in an allegation is named on it as a child."
    + SEGMENT_NOTE,
)
def report_create(request: HttpRequest, case_id: int, payload: ChildWelfareReportIn) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    report = services.report_receive(actor=request.user, case=case, **_report_fields(payload))
    return Status(201, selectors.report_written(user=request.user, report_id=report.pk))


@router.post(
    "/persons/{person_id}/child-welfare/reports",
    response={201: ChildWelfareReportOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_report_create_opening_case",
    summary="Open a child-welfare case for a person and record a report on it",
    description="One step: the case (type child_welfare, in the child-welfare segment) and its first report."
    + SEGMENT_NOTE,
)
def report_create_opening_case(request: HttpRequest, person_id: int, payload: ChildWelfareReportIn) -> Status:
    selectors.require_segment(request.user)
    person = selectors.person_named(person_id=person_id)
    if person is None:
        raise Http404("There is no person with this number.")
    report = services.report_receive_opening_case(
        actor=request.user, person=person, **_report_fields(payload)
    )
    return Status(201, selectors.report_written(user=request.user, report_id=report.pk))


@router.get(
    "/child-welfare/reports/{report_id}",
    response={200: ChildWelfareReportOut, **error_responses(404, 422)},
    operation_id="child_welfare_report_detail",
    summary="Open a report, with its allegations, people, screening and investigation",
    description="Every open is written to the audit log." + SEGMENT_NOTE,
)
def report_detail(request: HttpRequest, report_id: int) -> Report:
    return selectors.report_detail(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/reports/{report_id}/screening",
    response={200: ChildWelfareReportOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_report_screen",
    summary="Record the screening decision",
    description=(
        "screened_in, screened_out (with a reason) or referred (with referred_to_id and a reason). "
        "Send the report's `version`; a stale one is answered 409." + SEGMENT_NOTE
    ),
)
def report_screen(request: HttpRequest, report_id: int, payload: ChildWelfareScreeningIn) -> Report:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    services.report_screen(
        actor=request.user,
        report=report,
        version=payload.version,
        decision=payload.decision,
        reason=payload.reason,
        referred_to=_organisation(payload.referred_to_id, "referred_to_id"),
        response_priority=payload.response_priority,
    )
    return selectors.report_written(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/reports/{report_id}/allegations",
    response={201: ChildWelfareAllegationOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_allegation_add",
    summary="Add an allegation to a report",
    description="While the report awaits screening or is under investigation." + SEGMENT_NOTE,
)
def allegation_add(request: HttpRequest, report_id: int, payload: ChildWelfareAllegationIn) -> Status:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    allegation = services.allegation_add(
        actor=request.user, report=report, allegation=_allegation_input(payload)
    )
    return Status(201, _named_by_caller(allegation, "child", "alleged_perpetrator"))


@router.post(
    "/child-welfare/reports/{report_id}/participants",
    response={201: ChildWelfareParticipantOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_participant_add",
    summary="Name a child or adult involved in a report",
    description=SEGMENT_NOTE.strip(),
)
def participant_add(request: HttpRequest, report_id: int, payload: ChildWelfareParticipantIn) -> Status:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    participant = services.participant_add(
        actor=request.user,
        report=report,
        person=_person(payload.person_id, "person_id"),
        role=payload.role,
        note=payload.note,
    )
    return Status(201, _named_by_caller(participant, "person"))


# Investigation ------------------------------------------------------------------------------------------


@router.post(
    "/child-welfare/reports/{report_id}/investigation",
    response={201: ChildWelfareInvestigationOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_investigation_start",
    summary="Start the investigation of a screened-in report",
    description="The investigating worker must hold the child-welfare grant; they get the family on their caseload."
    + SEGMENT_NOTE,
)
def investigation_start(
    request: HttpRequest, report_id: int, payload: ChildWelfareInvestigationStartIn
) -> Status:
    report = selectors.report_get(user=request.user, report_id=report_id, for_change=True)
    worker = request.user
    if payload.worker_id is not None:
        worker = referenced(
            "worker_id",
            lambda: selectors.staff_member(user_id=payload.worker_id),
            "There is no active staff member with this number.",
        )
    services.investigation_start(
        actor=request.user, report=report, worker=worker, started_on=payload.started_on
    )
    return Status(201, selectors.investigation_written(user=request.user, report_id=report_id))


@router.get(
    "/child-welfare/reports/{report_id}/investigation",
    response={200: ChildWelfareInvestigationOut, **error_responses(404, 422)},
    operation_id="child_welfare_investigation_detail",
    summary="Open a report's investigation, with its contacts",
    description="404 when no investigation was started. Every open is audited." + SEGMENT_NOTE,
)
def investigation_detail(request: HttpRequest, report_id: int) -> Investigation:
    return selectors.investigation_detail(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/reports/{report_id}/investigation/contacts",
    response={201: ChildWelfareContactOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_contact_add",
    summary="Record a contact made in the investigation",
    description="With a person on record (person_id) or a collateral source (collateral_name)."
    + SEGMENT_NOTE,
)
def contact_add(request: HttpRequest, report_id: int, payload: ChildWelfareContactIn) -> Status:
    investigation = selectors.investigation_get(user=request.user, report_id=report_id, for_change=True)
    contact = services.contact_record(
        actor=request.user,
        investigation=investigation,
        contacted_at=payload.contacted_at,
        person=_person(payload.person_id, "person_id"),
        collateral_name=payload.collateral_name,
        method=payload.method,
        summary=payload.summary,
    )
    return Status(201, _named_by_caller(contact, "person"))


@router.post(
    "/child-welfare/reports/{report_id}/investigation/close",
    response={200: ChildWelfareInvestigationOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_investigation_close",
    summary="Close an investigation",
    description="Every allegation needs a finding first. Send the investigation's `version`." + SEGMENT_NOTE,
)
def investigation_close(
    request: HttpRequest, report_id: int, payload: ChildWelfareInvestigationCloseIn
) -> Investigation:
    investigation = selectors.investigation_get(user=request.user, report_id=report_id, for_change=True)
    services.investigation_close(
        actor=request.user,
        investigation=investigation,
        version=payload.version,
        conclusion=payload.conclusion,
        closed_on=payload.closed_on,
    )
    return selectors.investigation_written(user=request.user, report_id=report_id)


@router.post(
    "/child-welfare/allegations/{allegation_id}/finding",
    response={200: ChildWelfareAllegationOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_finding_record",
    summary="Record the investigation's finding on one allegation",
    description="Substantiated, unsubstantiated or inconclusive, with what it rests on. Send the allegation's `version`."
    + SEGMENT_NOTE,
)
def finding_record(request: HttpRequest, allegation_id: int, payload: ChildWelfareFindingIn) -> Allegation:
    allegation = selectors.allegation_get(user=request.user, allegation_id=allegation_id, for_change=True)
    return services.allegation_finding_record(
        actor=request.user,
        allegation=allegation,
        version=payload.version,
        finding=payload.finding,
        note=payload.note,
        found_on=payload.found_on,
    )


# Safety -------------------------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/child-welfare/safety-assessments",
    response={200: list[ChildWelfareSafetyAssessmentOut], **error_responses(404, 422)},
    operation_id="child_welfare_safety_assessment_list",
    summary="List a case's safety assessments, with their plans",
    description=SEGMENT_NOTE.strip(),
)
@paginate(Pages)
def safety_assessment_list(request: HttpRequest, case_id: int) -> QuerySet[SafetyAssessment]:
    return selectors.case_safety_assessments(user=request.user, case_id=case_id)


@router.post(
    "/cases/{case_id}/child-welfare/safety-assessments",
    response={201: ChildWelfareSafetyAssessmentOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_safety_assessment_create",
    summary="Record a safety assessment",
    description=(
        "safe needs no threats; conditionally_safe and unsafe need at least one. "
        "A conditionally safe child needs a safety plan next." + SEGMENT_NOTE
    ),
)
def safety_assessment_create(
    request: HttpRequest, case_id: int, payload: ChildWelfareSafetyAssessmentIn
) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    report = None
    if payload.report_id is not None:
        report = referenced(
            "report_id",
            lambda: selectors.case_report(user=request.user, case=case, report_id=payload.report_id),
            "Choose a report on this case.",
        )
    assessment = services.safety_assess(
        actor=request.user,
        case=case,
        report=report,
        **payload.model_dump(exclude={"report_id"}),
    )
    return Status(201, assessment)


@router.get(
    "/child-welfare/safety-assessments/{assessment_id}",
    response={200: ChildWelfareSafetyAssessmentOut, **error_responses(404, 422)},
    operation_id="child_welfare_safety_assessment_detail",
    summary="Open a safety assessment and its plan",
    description="Every open is audited." + SEGMENT_NOTE,
)
def safety_assessment_detail(request: HttpRequest, assessment_id: int) -> SafetyAssessment:
    return selectors.safety_detail(user=request.user, assessment_id=assessment_id)


@router.post(
    "/child-welfare/safety-assessments/{assessment_id}/plan",
    response={201: ChildWelfareSafetyPlanOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_safety_plan_create",
    summary="Make the safety plan of an assessment",
    description="At least one action, each with who is responsible." + SEGMENT_NOTE,
)
def safety_plan_create(request: HttpRequest, assessment_id: int, payload: ChildWelfareSafetyPlanIn) -> Status:
    assessment = selectors.safety_get(user=request.user, assessment_id=assessment_id, for_change=True)
    plan = services.safety_plan_create(
        actor=request.user,
        assessment=assessment,
        monitoring=payload.monitoring,
        review_on=payload.review_on,
        actions=[_action_input(given, f"actions.{index}.") for index, given in enumerate(payload.actions)],
    )
    return Status(201, plan)


@router.patch(
    "/child-welfare/safety-assessments/{assessment_id}/plan",
    response={200: ChildWelfareSafetyPlanOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_safety_plan_update",
    summary="Change a safety plan's monitoring and review date",
    description="Send the plan's `version`; a stale one is answered 409." + SEGMENT_NOTE,
)
def safety_plan_update(
    request: HttpRequest, assessment_id: int, payload: ChildWelfareSafetyPlanPatch
) -> SafetyPlan:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=assessment_id, for_change=True)
    return services.safety_plan_update(
        actor=request.user,
        plan=plan,
        version=payload.version,
        monitoring=payload.monitoring,
        review_on=payload.review_on,
    )


@router.post(
    "/child-welfare/safety-assessments/{assessment_id}/plan/actions",
    response={201: ChildWelfarePlanActionOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_safety_plan_action_add",
    summary="Add an action to a safety plan",
    description=SEGMENT_NOTE.strip(),
)
def safety_plan_action_add(
    request: HttpRequest, assessment_id: int, payload: ChildWelfarePlanActionIn
) -> Status:
    plan = selectors.safety_plan_get(user=request.user, assessment_id=assessment_id, for_change=True)
    action = services.safety_plan_action_add(actor=request.user, plan=plan, action=_action_input(payload))
    return Status(201, _named_by_caller(action, "responsible_person"))


# Placements ------------------------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/child-welfare/placements",
    response={200: list[ChildWelfarePlacementOut], **error_responses(404, 422)},
    operation_id="child_welfare_placement_list",
    summary="List a case's placements",
    description="Newest first; an open placement has no ended_on." + SEGMENT_NOTE,
)
@paginate(Pages)
def placement_list(request: HttpRequest, case_id: int) -> QuerySet[Placement]:
    return selectors.case_placements(user=request.user, case_id=case_id)


@router.post(
    "/cases/{case_id}/child-welfare/placements",
    response={201: ChildWelfarePlacementOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_placement_create",
    summary="Place a child",
    description=(
        "A child has one open placement at a time: a second is refused (400) unless end_current is true "
        "with a change_reason, which ends the current one on started_on. A removal is refused (400, the "
        "field named) without a report on the case that was screened in or awaits screening, without an "
        "unsafe finding or a legal_authority, or for a child aged 21 or over on started_on." + SEGMENT_NOTE
    ),
)
def placement_create(request: HttpRequest, case_id: int, payload: ChildWelfarePlacementIn) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    placement = services.placement_start(
        actor=request.user,
        case=case,
        child=_person(payload.child_id, "child_id"),
        placement_type=payload.placement_type,
        carer_person=_person(payload.carer_person_id, "carer_person_id"),
        carer_organisation=_organisation(payload.carer_organisation_id, "carer_organisation_id"),
        started_on=payload.started_on,
        reason=payload.reason,
        end_current=payload.end_current,
        change_reason=payload.change_reason,
        legal_authority=payload.legal_authority,
        authority_on=payload.authority_on,
        authority_reference=payload.authority_reference,
    )
    return Status(201, _named_by_caller(placement, "carer_person"))


@router.post(
    "/child-welfare/placements/{placement_id}/end",
    response={200: ChildWelfarePlacementOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_placement_end",
    summary="End a placement",
    description="Send the placement's `version`; a stale one is answered 409." + SEGMENT_NOTE,
)
def placement_end(request: HttpRequest, placement_id: int, payload: ChildWelfarePlacementEndIn) -> Placement:
    placement = selectors.placement_get(user=request.user, placement_id=placement_id, for_change=True)
    return services.placement_end(
        actor=request.user,
        placement=placement,
        version=payload.version,
        ended_on=payload.ended_on,
        end_reason=payload.end_reason,
    )


# Court hearings ------------------------------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/child-welfare/hearings",
    response={200: list[ChildWelfareHearingOut], **error_responses(404, 422)},
    operation_id="child_welfare_hearing_list",
    summary="List a case's court hearings",
    description="Latest first." + SEGMENT_NOTE,
)
@paginate(Pages)
def hearing_list(request: HttpRequest, case_id: int) -> QuerySet[Hearing]:
    return selectors.case_hearings(user=request.user, case_id=case_id)


@router.post(
    "/cases/{case_id}/child-welfare/hearings",
    response={201: ChildWelfareHearingOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_hearing_create",
    summary="Schedule a court hearing",
    description="court_id must be an organisation of kind court." + SEGMENT_NOTE,
)
def hearing_create(request: HttpRequest, case_id: int, payload: ChildWelfareHearingIn) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    hearing = services.hearing_schedule(
        actor=request.user,
        case=case,
        court=_organisation(payload.court_id, "court_id"),
        hearing_type=payload.hearing_type,
        scheduled_at=payload.scheduled_at,
        child=_person(payload.child_id, "child_id"),
    )
    return Status(201, hearing)


@router.post(
    "/child-welfare/hearings/{hearing_id}/outcome",
    response={200: ChildWelfareHearingOut, **error_responses(400, 404, 409, 422)},
    operation_id="child_welfare_hearing_outcome",
    summary="Record a hearing's outcome and the next hearing date",
    description="Once the hearing has taken place. Send the hearing's `version`." + SEGMENT_NOTE,
)
def hearing_outcome(request: HttpRequest, hearing_id: int, payload: ChildWelfareHearingOutcomeIn) -> Hearing:
    hearing = selectors.hearing_get(user=request.user, hearing_id=hearing_id, for_change=True)
    return services.hearing_record_outcome(
        actor=request.user,
        hearing=hearing,
        version=payload.version,
        outcome=payload.outcome,
        next_hearing_on=payload.next_hearing_on,
    )


# Permanency and the federal clocks --------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/child-welfare/permanency-goals",
    response={200: list[ChildWelfarePermanencyGoalOut], **error_responses(404, 422)},
    operation_id="child_welfare_permanency_goal_list",
    summary="List a case's permanency goals",
    description="Newest first; the latest per child is the current goal, the rest its history."
    + SEGMENT_NOTE,
)
@paginate(Pages)
def permanency_goal_list(request: HttpRequest, case_id: int) -> QuerySet[PermanencyGoal]:
    return selectors.case_permanency_goals(user=request.user, case_id=case_id)


@router.post(
    "/cases/{case_id}/child-welfare/permanency-goals",
    response={201: ChildWelfarePermanencyGoalOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_permanency_goal_set",
    summary="Set a child's permanency goal and concurrent plan",
    description=(
        "For a child with a current placement on the case. concurrent_goal must differ from goal; appla "
        "only for a young person aged 16 or over." + SEGMENT_NOTE
    ),
)
def permanency_goal_set(request: HttpRequest, case_id: int, payload: ChildWelfarePermanencyGoalIn) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    goal = services.permanency_goal_set(
        actor=request.user,
        case=case,
        child=_person(payload.child_id, "child_id"),
        goal=payload.goal,
        concurrent_goal=payload.concurrent_goal,
        set_on=payload.set_on,
        reason=payload.reason,
    )
    return Status(201, goal)


@router.post(
    "/cases/{case_id}/child-welfare/termination-reviews",
    response={201: ChildWelfareTerminationReviewOut, **error_responses(400, 404, 422)},
    operation_id="child_welfare_termination_review_record",
    summary="Record the TPR petition or the exception at 15 of 22 months",
    description="42 U.S.C. 675(5)(E). relative_care needs a current kinship placement." + SEGMENT_NOTE,
)
def termination_review_record(
    request: HttpRequest, case_id: int, payload: ChildWelfareTerminationReviewIn
) -> Status:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    review = services.termination_review_record(
        actor=request.user,
        case=case,
        child=_person(payload.child_id, "child_id"),
        decision=payload.decision,
        decided_on=payload.decided_on,
        explanation=payload.explanation,
    )
    return Status(201, review)


@router.get(
    "/cases/{case_id}/child-welfare/children-in-care",
    response={200: list[ChildWelfareChildInCareOut], **error_responses(404, 422)},
    operation_id="child_welfare_children_in_care",
    summary="Children in care on a case, with the federal clocks",
    description=(
        "Read-only and computed: date entered foster care (42 U.S.C. 675(5)(F)), the permanency hearing "
        "due (675(5)(C)) and 15 of the most recent 22 months (675(5)(E))." + SEGMENT_NOTE
    ),
)
def children_in_care(request: HttpRequest, case_id: int) -> list:
    return selectors.case_children_in_care(user=request.user, case_id=case_id)
