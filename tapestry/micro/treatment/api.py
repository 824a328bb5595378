"""API routes of treatment: plans, medication check-ins, team notes and releases of substance-use records."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status

from tapestry.micro.treatment import selectors, services
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote
from tapestry.micro.treatment.schemas import (
    CheckinIn,
    CheckinOut,
    ReleaseIn,
    ReleaseOut,
    ReleaseRefusedOut,
    TeamNoteIn,
    TeamNoteOut,
    TreatmentPlanIn,
    TreatmentPlanOut,
)
from tapestry.web.ids import found_or_404
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["treatment"])


@router.get(
    "/cases/{case_id}/treatment-plan",
    response={200: TreatmentPlanOut, **error_responses(422)},
    summary="Open a case's treatment plan",
    description="404 when the case has no plan yet; write one with PUT and `version` 0. The open is audited.",
)
def treatment_plan_get(request: HttpRequest, case_id: int) -> object:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id)
    return found_or_404(
        selectors.plan_detail(user=request.user, case=case), "This case has no treatment plan yet."
    )


@router.put(
    "/cases/{case_id}/treatment-plan",
    response={200: TreatmentPlanOut, **error_responses(400, 409, 422)},
    summary="Write or replace a case's treatment plan",
    description="Send `version` 0 for the first plan, else the version you read; a stale version answers 409.",
)
def treatment_plan_put(request: HttpRequest, case_id: int, payload: TreatmentPlanIn) -> object:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id, for_change=True)
    return services.treatment_plan_save(
        actor=request.user,
        case=case,
        version=payload.version,
        changes=payload.model_dump(exclude={"version"}),
    )


@paged_get(
    router,
    "/cases/{case_id}/medication-checkins",
    CheckinOut,
    errors=(422,),
    summary="List a case's medication check-ins, newest first",
)
def treatment_checkin_list(request: HttpRequest, case_id: int) -> QuerySet[MedicationCheckin]:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id)
    return selectors.checkin_list(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/medication-checkins",
    CheckinOut,
    errors=(400, 422),
    summary="Record a medication adherence check-in",
)
def treatment_checkin_record(request: HttpRequest, case_id: int, payload: CheckinIn) -> MedicationCheckin:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id, for_change=True)
    return services.checkin_record(actor=request.user, case=case, **payload.model_dump())


@paged_get(
    router,
    "/cases/{case_id}/team-notes",
    TeamNoteOut,
    errors=(422,),
    summary="List a case's team notes, newest first",
)
def treatment_team_note_list(request: HttpRequest, case_id: int) -> QuerySet[TeamNote]:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id)
    return selectors.team_note_list(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/team-notes",
    TeamNoteOut,
    errors=(400, 422),
    summary="Add a team note from your discipline",
    description="You are the author. Notes are kept as written; add another to correct one.",
)
def treatment_team_note_add(request: HttpRequest, case_id: int, payload: TeamNoteIn) -> TeamNote:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id, for_change=True)
    return services.team_note_add(actor=request.user, case=case, **payload.model_dump())


@paged_get(
    router,
    "/cases/{case_id}/releases",
    ReleaseOut,
    errors=(422,),
    summary="List the releases made from a case, newest first",
)
def treatment_release_list(request: HttpRequest, case_id: int) -> QuerySet[Release]:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id)
    return selectors.release_list(user=request.user, case=case)


@router.post(
    "/cases/{case_id}/releases",
    response={201: ReleaseOut, 403: ReleaseRefusedOut, **error_responses(400, 422)},
    summary="Release substance-use records to an organisation",
    description=(
        "Allowed only when a written consent in force names the recipient and covers the purpose. "
        "Otherwise 403, with what is missing in `detail` and `errors.consent`, and `consent_add_url`. "
        "An allowed release carries `redisclosure_notice` (send it with the records) and is audited as an export."
    ),
)
def treatment_release_make(request: HttpRequest, case_id: int, payload: ReleaseIn) -> Status:
    case = selectors.treatment_case_get(user=request.user, case_id=case_id, for_change=True)
    recipient = selectors.recipients().filter(pk=payload.recipient_id).first()
    if recipient is None:
        raise ValidationError({"recipient_id": ["No organisation with this number."]})
    try:
        release = services.release_make(
            actor=request.user, case=case, recipient=recipient, purpose=payload.purpose, parts=payload.parts
        )
    except services.ReleaseRefused as refused:
        body = ReleaseRefusedOut(
            detail=str(refused), errors={"consent": [refused.reason]}, consent_add_url=refused.consent_add_url
        )
        return Status(403, body)
    return Status(201, release)
