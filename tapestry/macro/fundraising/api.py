"""API routes of fundraising: donors, donations, recurring gifts, and the OSDI exchange of donations."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Body, Router

from tapestry.macro import choices
from tapestry.macro.fundraising import osdi, selectors, services
from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift
from tapestry.macro.fundraising.schemas import (
    DonationIn,
    DonationOut,
    DonationPatch,
    DonorIn,
    DonorOut,
    DonorPatch,
    OsdiImportOut,
    RecurringGiftIn,
    RecurringGiftOut,
    RecurringGiftPatch,
)
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["fundraising"])


def _records(data: dict[str, Any]) -> dict[str, Any]:
    """Records named by number in a body: an unknown number is an error on its field."""
    return resolve_ids(
        data,
        {
            "donor_id": (
                lambda pk: selectors.donor_choices().filter(pk=pk).first(),
                "No donor with this number.",
            ),
            "organisation_id": (choices.organisation, "No organisation with this number."),
            "program_id": (
                lambda pk: selectors.program_choices().filter(pk=pk).first(),
                "No program with this number.",
            ),
            "campaign_id": (
                lambda pk: selectors.campaign_choices().filter(pk=pk).first(),
                "No campaign with this number.",
            ),
            "recurring_gift_id": (
                lambda pk: selectors.gift_choices().filter(pk=pk).first(),
                "No recurring gift with this number.",
            ),
        },
        nullable=("organisation_id", "program_id", "campaign_id", "recurring_gift_id"),
    )


@paged_get(router, "/fundraising/donors", DonorOut, errors=(422,), summary="Find donors")
def donor_list(request: HttpRequest, q: str = "") -> QuerySet[Donor]:
    return selectors.donor_list(user=request.user, query=q)


@created(router, "/fundraising/donors", DonorOut, errors=(400, 422), summary="Record a donor")
def donor_create(request: HttpRequest, payload: DonorIn) -> Donor:
    return services.donor_create(actor=request.user, **_records(payload.model_dump()))


@router.get(
    "/fundraising/donors/{donor_id}",
    response={200: DonorOut, **error_responses(404, 422)},
    summary="Open a donor",
)
def donor_detail(request: HttpRequest, donor_id: int) -> Donor:
    return selectors.donor_get(user=request.user, donor_id=donor_id)


@router.patch(
    "/fundraising/donors/{donor_id}",
    response={200: DonorOut, **error_responses(400, 404, 409, 422)},
    summary="Change a donor",
)
def donor_update(request: HttpRequest, donor_id: int, payload: DonorPatch) -> Donor:
    donor = selectors.donor_get(user=request.user, donor_id=donor_id, purpose="change donor")
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, [name for name in changes if name != "organisation_id"])
    return services.donor_update(
        actor=request.user, donor=donor, version=payload.version, changes=_records(changes)
    )


@paged_get(router, "/fundraising/donations", DonationOut, errors=(422,), summary="List donations")
def donation_list(request: HttpRequest, donor_id: int | None = None) -> QuerySet[Donation]:
    return selectors.donation_list(user=request.user, donor_id=donor_id)


@created(
    router,
    "/fundraising/donations",
    DonationOut,
    errors=(400, 422),
    summary="Record a donation",
    description="In US dollars; a gift in kind gives its fair value as `amount` and says what it was.",
)
def donation_create(request: HttpRequest, payload: DonationIn) -> Donation:
    return services.donation_record(actor=request.user, **_records(payload.model_dump()))


@router.get(
    "/fundraising/donations/{donation_id}",
    response={200: DonationOut, **error_responses(404, 422)},
    summary="Open a donation",
)
def donation_detail(request: HttpRequest, donation_id: int) -> Donation:
    return selectors.donation_get(user=request.user, donation_id=donation_id)


@router.patch(
    "/fundraising/donations/{donation_id}",
    response={200: DonationOut, **error_responses(400, 404, 409, 422)},
    summary="Change a donation",
    description="Once receipted, what the receipt states (donor, amount, date, method) is changed only by voiding.",
)
def donation_update(request: HttpRequest, donation_id: int, payload: DonationPatch) -> Donation:
    donation = selectors.donation_get(user=request.user, donation_id=donation_id, purpose="change donation")
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("amount", "received_on", "method", "in_kind_description", "fund", "reference"))
    services.donation_update(
        actor=request.user, donation=donation, version=payload.version, changes=_records(changes)
    )
    return selectors.donation_get(user=request.user, donation_id=donation_id, purpose="change donation")


@paged_get(
    router, "/fundraising/recurring-gifts", RecurringGiftOut, errors=(422,), summary="List recurring gifts"
)
def recurring_gift_list(request: HttpRequest) -> QuerySet[RecurringGift]:
    return selectors.recurring_gift_list(user=request.user)


@created(
    router,
    "/fundraising/recurring-gifts",
    RecurringGiftOut,
    errors=(400, 422),
    summary="Record a recurring gift",
)
def recurring_gift_create(request: HttpRequest, payload: RecurringGiftIn) -> RecurringGift:
    return services.recurring_gift_create(actor=request.user, **_records(payload.model_dump()))


@router.get(
    "/fundraising/recurring-gifts/{gift_id}",
    response={200: RecurringGiftOut, **error_responses(404, 422)},
    summary="Open a recurring gift",
)
def recurring_gift_detail(request: HttpRequest, gift_id: int) -> RecurringGift:
    return selectors.recurring_gift_get(user=request.user, gift_id=gift_id)


@router.patch(
    "/fundraising/recurring-gifts/{gift_id}",
    response={200: RecurringGiftOut, **error_responses(400, 404, 409, 422)},
    summary="Change a recurring gift",
)
def recurring_gift_update(request: HttpRequest, gift_id: int, payload: RecurringGiftPatch) -> RecurringGift:
    gift = selectors.recurring_gift_get(user=request.user, gift_id=gift_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("amount", "frequency", "starts_on", "status"))
    return services.recurring_gift_update(
        actor=request.user, gift=gift, version=payload.version, changes=changes
    )


@router.get(
    "/fundraising/osdi/donations",
    response={200: dict[str, Any], **error_responses(422)},
    summary="Export donations as OSDI JSON",
    description="Every donation as an OSDI collection (`total_records`, `_embedded` `osdi:donations`), each "
    "with its donor as an embedded `osdi:person`. Names donors, so it is audited as an export.",
)
def donation_osdi_export(request: HttpRequest) -> dict[str, Any]:
    return osdi.export_donations(actor=request.user)


@created(
    router,
    "/fundraising-imports/osdi",
    OsdiImportOut,
    errors=(400, 422),
    summary="Import donations from OSDI JSON",
    description="An OSDI collection of donations. Every problem is reported under `errors.document` by its "
    "entry and field, and then nothing is stored. Donors are matched by email, else recorded.",
)
def donation_osdi_import(request: HttpRequest, document: Body[dict[str, Any]]) -> dict[str, int]:
    try:
        return osdi.import_donations(actor=request.user, document=document)
    except osdi.ImportRefused as refused:
        raise ValidationError({"document": refused.report.problems}) from refused
