"""API routes of referrals: a case's referrals, one referral, and its closed-loop status."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.directory import selectors as directory
from tapestry.micro.cases.selectors import case_get
from tapestry.micro.referrals import selectors, services
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.schemas import ReferralDetailOut, ReferralIn, ReferralOut, StatusIn
from tapestry.web.ids import referenced
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["referrals"])


@paged_get(
    router,
    "/cases/{case_id}/referrals",
    ReferralOut,
    summary="List a case's referrals",
)
def case_referral_list(request: HttpRequest, case_id: int) -> QuerySet[Referral]:
    case = case_get(user=request.user, case_id=case_id)
    return selectors.case_referral_list(user=request.user, case=case)


@created(
    router,
    "/cases/{case_id}/referrals",
    ReferralOut,
    summary="Record a referral from a case to a directory service",
    description=(
        "The referral is recorded, not sent: send it with POST /referrals/{id}/status and "
        '`{"status": "sent"}`, which first checks that a consent in force lets the record go.'
    ),
)
def referral_create(request: HttpRequest, case_id: int, payload: ReferralIn) -> Referral:
    case = case_get(user=request.user, case_id=case_id, for_change=True)
    service = referenced(
        "service_id", lambda: directory.service_get(user=request.user, service_id=payload.service_id)
    )
    needs = selectors.case_needs_named(case=case, ids=payload.case_need_ids)
    if len(needs) != len(set(payload.case_need_ids)):
        raise ValidationError({"case_need_ids": ["Give needs recorded on this case."]})
    return services.referral_create(
        actor=request.user,
        case=case,
        service=service,
        case_needs=needs,
        **payload.model_dump(include={"reason", "urgency", "parts"}),
    )


@router.get(
    "/referrals/{referral_id}",
    response={200: ReferralDetailOut, **error_responses(404, 422)},
    summary="Open a referral, with its history and consent state",
    description="Every open is written to the audit log.",
)
def referral_detail(request: HttpRequest, referral_id: int) -> Referral:
    return selectors.referral_detail(user=request.user, referral_id=referral_id)


@router.post(
    "/referrals/{referral_id}/status",
    response={200: ReferralOut, **error_responses(400, 404, 409, 422)},
    summary="Send a referral, or record the service's answer",
    description=(
        "`sent` (from recorded) is refused with 400 and `errors.consent` when no consent in force lets the "
        "record go. Then `received`, `accepted`, `declined` (with `decline_reason`) and `completed`; a step "
        "out of order is refused with 400. `no_response` is set by Tapestry when the answer deadline passes."
    ),
)
def referral_status_change(request: HttpRequest, referral_id: int, payload: StatusIn) -> Referral:
    referral = selectors.referral_get(user=request.user, referral_id=referral_id, for_change=True)
    changed = services.referral_status_change(actor=request.user, referral=referral, **payload.model_dump())
    return selectors.referral_get(user=request.user, referral_id=changed.pk)
