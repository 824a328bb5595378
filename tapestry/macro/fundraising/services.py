"""Every write of fundraising: donors, donations, their receipts and voids, recurring gifts.

Each needs `grant.manage`; each is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.fundraising.models import Donation, Donor, ReceiptSequence, RecurringGift
from tapestry.web.records import create_record, update_record

DONOR_FIELDS = (
    "kind",
    "given_name",
    "family_name",
    "organisation_name",
    "organisation",
    "email",
    "phone",
    "street",
    "city",
    "region",
    "postal_code",
    "no_mail",
    "no_email",
    "anonymous",
)
DONATION_FIELDS = (
    "donor",
    "amount",
    "received_on",
    "method",
    "in_kind_description",
    "fund",
    "program",
    "campaign",
    "recurring_gift",
    "reference",
)
# What a receipt states: once one is issued, these are changed only by voiding and recording again.
RECEIPTED_FIELDS = ("donor", "amount", "received_on", "method", "in_kind_description")
GIFT_FIELDS = ("donor", "amount", "frequency", "starts_on", "ends_on", "status")


def _require(actor: User) -> None:
    require_capability(actor, Capability.GRANT_MANAGE)


def _not_future(day: dt.date | None, field: str) -> None:
    if day and day > timezone.localdate():
        raise ValidationError({field: [gettext("A donation is recorded once it is received.")]})


def donor_create(*, actor: User, **fields: Any) -> Donor:
    _require(actor)
    fields["email"] = fields.get("email", "").strip().lower()
    return create_record(actor, Donor(created_by=actor, **fields), fields=list(fields))


def donor_update(*, actor: User, donor: Donor, version: int, changes: dict[str, Any]) -> Donor:
    _require(actor)
    if "email" in changes:
        changes["email"] = (changes["email"] or "").strip().lower()
    return versioned_update(
        actor=actor, instance=donor, version=version, changes=changes, editable=DONOR_FIELDS
    )


def donation_record(*, actor: User, receipt: bool = False, **fields: Any) -> Donation:
    """A donation received; with `receipt`, its receipt number is taken in the same transaction."""
    _require(actor)
    _not_future(fields.get("received_on"), "received_on")
    donation = Donation(created_by=actor, **fields)
    with transaction.atomic():
        create_record(actor, donation, fields=list(fields), validate_constraints=False)
        if receipt:
            receipt_issue(actor=actor, donation=donation)
    return donation


def donation_update(*, actor: User, donation: Donation, version: int, changes: dict[str, Any]) -> Donation:
    _require(actor)
    _not_future(changes.get("received_on"), "received_on")

    def refuse(current: Donation) -> None:
        if current.is_void:
            raise ValidationError(gettext("This donation is void; it cannot be changed."))
        if current.receipt_number:
            fixed = [
                name
                for name in RECEIPTED_FIELDS
                if name in changes and getattr(current, name) != changes[name]
            ]
            if fixed:
                raise ValidationError(
                    {
                        name: [gettext("A receipt states this: void the donation and record it again.")]
                        for name in fixed
                    }
                )

    return versioned_update(
        actor=actor,
        instance=donation,
        version=version,
        changes=changes,
        editable=DONATION_FIELDS,
        refuse=refuse,
        clean_exclude=["osdi_identifier"],
    )


def receipt_issue(*, actor: User, donation: Donation) -> Donation:
    """Give the donation the next receipt number of its year (numbers run from 1 each year)."""
    _require(actor)
    with transaction.atomic():
        current = Donation.objects.select_for_update().get(pk=donation.pk)
        if current.receipt_number:
            raise ValidationError(
                gettext("Receipt %(receipt)s is already issued.") % {"receipt": current.receipt_label}
            )
        if current.is_void:
            raise ValidationError(gettext("A void donation is not receipted."))
        year = current.received_on.year
        ReceiptSequence.objects.get_or_create(year=year)
        sequence = ReceiptSequence.objects.select_for_update().get(year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        donation.receipt_year, donation.receipt_number = year, sequence.last_number
        donation.receipted_on = timezone.localdate()
        return update_record(actor, donation, columns=["receipt_year", "receipt_number", "receipted_on"])


def donation_void(*, actor: User, donation: Donation, reason: str) -> Donation:
    """Void a donation recorded in error or returned: it stays, with its receipt number, marked void."""
    _require(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [gettext("Say why the donation is void.")]})
    if donation.is_void:
        raise ValidationError(
            gettext("This donation was voided on %(date)s.") % {"date": f"{donation.voided_on:%Y-%m-%d}"}
        )
    donation.voided_on = timezone.localdate()
    donation.void_reason = reason[:500]
    return update_record(actor, donation, columns=["voided_on", "void_reason"])


def recurring_gift_create(*, actor: User, **fields: Any) -> RecurringGift:
    _require(actor)
    return create_record(actor, RecurringGift(created_by=actor, **fields), fields=list(fields))


def recurring_gift_update(
    *, actor: User, gift: RecurringGift, version: int, changes: dict[str, Any]
) -> RecurringGift:
    _require(actor)
    return versioned_update(
        actor=actor, instance=gift, version=version, changes=changes, editable=GIFT_FIELDS
    )
