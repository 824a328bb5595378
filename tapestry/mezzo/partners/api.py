"""API routes of partnerships: agreements, referral counts, and referrals partners send us."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router

from tapestry.access.models import User
from tapestry.evidence.suppression import threshold
from tapestry.mezzo.partners import selectors, services
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
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
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["partnerships"])


def _records(data: dict[str, Any]) -> dict[str, Any]:
    """The body's ids as the records they name: a field error for any number that names nothing."""
    resolve_ids(
        data,
        {
            "organisation_id": (selectors.organisation_by_id, "No organisation with this number."),
            "lead_id": (selectors.staff_member, "No member of staff with this number."),
        },
        nullable=("lead_id",),
    )
    for name, lookup in (("programs", selectors.programs_by_ids), ("contacts", selectors.contacts_by_ids)):
        field = f"{name.removesuffix('s')}_ids"
        ids = data.pop(field, None)
        if ids is None:
            continue
        data[name] = lookup(ids)
        if len(data[name]) != len(set(ids)):
            raise ValidationError({field: [f"Some of these are not {name}: check the numbers."]})
    return data


def _fresh(user: User, partnership: Partnership) -> Partnership:
    return selectors.partnership_get(user=user, partnership_id=partnership.pk)


@paged_get(
    router,
    "/partnerships",
    PartnershipOut,
    errors=(422,),
    summary="List partnerships",
    description="Agreements with partner organisations; `renewal_due=true` keeps live ones running out within 60 days.",
)
def partnership_list(
    request: HttpRequest,
    organisation_id: int | None = None,
    status: PartnershipStatus | None = None,
    renewal_due: bool = Query(False),
) -> QuerySet[Partnership]:
    return selectors.partnership_list(
        user=request.user, organisation_id=organisation_id, status=status or "", renewal_due=renewal_due
    )


@created(
    router,
    "/partnerships",
    PartnershipOut,
    errors=(400, 422),
    summary="Record a partnership",
    description="One live agreement per organisation and type: a second is refused with 400 naming the first.",
)
def partnership_create(request: HttpRequest, payload: PartnershipIn) -> Partnership:
    partnership = services.partnership_create(actor=request.user, **_records(payload.model_dump()))
    return _fresh(request.user, partnership)


@router.get(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(404, 422)},
    summary="Open a partnership",
)
def partnership_detail(request: HttpRequest, partnership_id: int) -> Partnership:
    return selectors.partnership_get(user=request.user, partnership_id=partnership_id)


@router.patch(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(400, 404, 409, 422)},
    summary="Change a partnership",
    description="Send the `version` you read; if the agreement changed since, the answer is 409 and nothing is saved.",
)
def partnership_update(request: HttpRequest, partnership_id: int, payload: PartnershipPatch) -> Partnership:
    partnership = selectors.partnership_get(user=request.user, partnership_id=partnership_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("agreement_type", "status", "starts_on"))
    changes = _records(changes)
    updated = services.partnership_update(
        actor=request.user,
        partnership=partnership,
        version=payload.version,
        programs=changes.pop("programs", None),
        contacts=changes.pop("contacts", None),
        changes=changes,
    )
    return _fresh(request.user, updated)


@router.get(
    "/partnerships/{partnership_id}/referrals",
    response={200: PartnerReferralCountsOut, **error_responses(404, 422)},
    summary="Count the referrals exchanged with a partner",
    description=(
        "Referrals we sent to the partner organisation by status and by month, and those it sent us by "
        "month. Small counts are suppressed: `count` is null and `suppressed` true."
    ),
)
def partnership_referral_counts(request: HttpRequest, partnership_id: int) -> dict:
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


@created(
    router,
    "/partnerships/{partnership_id}/incoming-referrals",
    IncomingReferralOut,
    summary="Record a referral the partner sent us",
    description="Recorded on a case you may change; only staff who may open that case see it.",
)
def partnership_incoming_referral_create(
    request: HttpRequest, partnership_id: int, payload: IncomingReferralIn
) -> IncomingReferral:
    partnership = selectors.partnership_get(user=request.user, partnership_id=partnership_id)
    # The same look-up as every case route: 404 for no such case, 403 for one out of reach.
    case = case_get(user=request.user, case_id=payload.case_id, for_change=True)
    data = payload.model_dump(exclude={"case_id"})
    data["need"] = need_by_code(data["need"]) if data["need"] else None
    return services.incoming_referral_record(actor=request.user, partnership=partnership, case=case, **data)
