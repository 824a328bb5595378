"""API routes of partnerships: agreements, referral counts, and referrals partners send us."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from tapestry.access.models import User
from tapestry.evidence.suppression import threshold
from tapestry.mezzo.partners import selectors, services
from tapestry.mezzo.partners.models import Partnership
from tapestry.mezzo.partners.schemas import (
    IncomingReferralIn,
    IncomingReferralOut,
    PartnerReferralCountsOut,
    PartnershipIn,
    PartnershipOut,
    PartnershipPatch,
    PartnershipStatus,
)
from tapestry.micro.cases.selectors import case_get, need_by_code
from tapestry.people.models import Organisation
from tapestry.web.ids import referenced
from tapestry.web.schemas import Pages, error_responses, refuse_nulls

router = Router(tags=["partnerships"])


def _by_ids(lookup: Callable[[list[int]], list], ids: list[int], field: str, what: str) -> list:
    found = lookup(ids)
    if len(found) != len(set(ids)):
        raise ValidationError({field: [f"Some of these are not {what}: check the numbers."]})
    return found


def _organisation(pk: int) -> Organisation:
    return referenced(
        "organisation_id", lambda: selectors.organisation_by_id(pk), "No organisation with this number."
    )


def _lead(pk: int | None) -> User | None:
    if pk is None:
        return None
    return referenced("lead_id", lambda: selectors.staff_member(pk), "No member of staff with this number.")


def _fresh(user: User, partnership: Partnership) -> Partnership:
    return selectors.partnership_get(user=user, partnership_id=partnership.pk)


@router.get(
    "/partnerships",
    response={200: list[PartnershipOut], **error_responses(422)},
    operation_id="partnership_list",
    summary="List partnerships",
    description="Agreements with partner organisations; `renewal_due=true` keeps live ones running out within 60 days.",
)
@paginate(Pages)
def partnership_list(
    request: HttpRequest,
    organisation_id: int | None = None,
    status: PartnershipStatus | None = None,
    renewal_due: bool = Query(False),
) -> QuerySet[Partnership]:
    return selectors.partnership_list(
        user=request.user, organisation_id=organisation_id, status=status or "", renewal_due=renewal_due
    )


@router.post(
    "/partnerships",
    response={201: PartnershipOut, **error_responses(400, 422)},
    operation_id="partnership_create",
    summary="Record a partnership",
    description="One live agreement per organisation and type: a second is refused with 400 naming the first.",
)
def partnership_create(request: HttpRequest, payload: PartnershipIn) -> Status:
    organisation = _organisation(payload.organisation_id)
    partnership = services.partnership_create(
        actor=request.user,
        organisation=organisation,
        agreement_type=payload.agreement_type,
        status=payload.status,
        signed_on=payload.signed_on,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        lead=_lead(payload.lead_id),
        notes=payload.notes,
        programs=_by_ids(selectors.programs_by_ids, payload.program_ids, "program_ids", "programs"),
        contacts=_by_ids(selectors.contacts_by_ids, payload.contact_ids, "contact_ids", "contacts"),
    )
    return Status(201, _fresh(request.user, partnership))


@router.get(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(404, 422)},
    operation_id="partnership_detail",
    summary="Open a partnership",
)
def partnership_detail(request: HttpRequest, partnership_id: int) -> Partnership:
    return selectors.partnership_get(user=request.user, partnership_id=partnership_id)


@router.patch(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(400, 404, 409, 422)},
    operation_id="partnership_update",
    summary="Change a partnership",
    description="Send the `version` you read; if the agreement changed since, the answer is 409 and nothing is saved.",
)
def partnership_update(request: HttpRequest, partnership_id: int, payload: PartnershipPatch) -> Partnership:
    partnership = selectors.partnership_get(user=request.user, partnership_id=partnership_id)
    sent = payload.model_dump(exclude_unset=True, exclude={"version", "program_ids", "contact_ids"})
    if "lead_id" in sent:
        sent["lead"] = _lead(sent.pop("lead_id"))
    refuse_nulls(sent, ("agreement_type", "status", "starts_on"))
    programs = (
        _by_ids(selectors.programs_by_ids, payload.program_ids, "program_ids", "programs")
        if payload.program_ids is not None
        else None
    )
    contacts = (
        _by_ids(selectors.contacts_by_ids, payload.contact_ids, "contact_ids", "contacts")
        if payload.contact_ids is not None
        else None
    )
    updated = services.partnership_update(
        actor=request.user,
        partnership=partnership,
        version=payload.version,
        changes=sent,
        programs=programs,
        contacts=contacts,
    )
    return _fresh(request.user, updated)


@router.get(
    "/partnerships/{partnership_id}/referrals",
    response={200: PartnerReferralCountsOut, **error_responses(404, 422)},
    operation_id="partnership_referral_counts",
    summary="Count the referrals exchanged with a partner",
    description=(
        "Referrals we sent to the partner organisation by status and by month, and those it sent us by "
        "month. Small counts are suppressed: `count` is null and `suppressed` true."
    ),
)
def partnership_referrals(request: HttpRequest, partnership_id: int) -> dict:
    partnership = selectors.partnership_get(user=request.user, partnership_id=partnership_id)
    counts = selectors.referral_counts(user=request.user, organisation=partnership.organisation)
    return {
        "partnership_id": partnership.pk,
        "organisation_id": partnership.organisation_id,
        "threshold": threshold(),
        "suppressed": counts.any_suppressed,
        "by_status": counts.by_status,
        "sent_total": counts.sent_total,
        "by_month": counts.by_month,
        "sent_in_months": counts.sent_in_months,
        "received_in_months": counts.received_in_months,
    }


@router.post(
    "/partnerships/{partnership_id}/incoming-referrals",
    response={201: IncomingReferralOut, **error_responses(400, 404, 422)},
    operation_id="partnership_incoming_referral_create",
    summary="Record a referral the partner sent us",
    description="Recorded on a case you may change; only staff who may open that case see it.",
)
def incoming_referral_create(
    request: HttpRequest, partnership_id: int, payload: IncomingReferralIn
) -> Status:
    partnership = selectors.partnership_get(user=request.user, partnership_id=partnership_id)
    # The same look-up as every case route: 404 for no such case, 403 for one out of reach.
    case = case_get(user=request.user, case_id=payload.case_id, for_change=True)
    referral = services.incoming_referral_record(
        actor=request.user,
        partnership=partnership,
        case=case,
        reason=payload.reason,
        received_on=payload.received_on,
        need=need_by_code(payload.need) if payload.need else None,
    )
    return Status(201, referral)
