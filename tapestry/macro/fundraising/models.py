"""Donors, their donations (with receipts) and recurring gifts.

Donors are people or organisations who give to the agency. They are not clients: nothing here
refers to a person record of the people app, and a client who gives is recorded as a donor like
anyone else, with nothing linking the two records. An organisation donor may name the organisation
of the shared directory it is.

Field names follow CiviContribute where they fit (contribution, recurring contribution, receipt)
and the OSDI donation resource for what is exchanged.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Authored, Versioned

CENT = Decimal("0.01")


def add_months(day: dt.date, months: int, *, on_day: int | None = None) -> dt.date:
    """`day` moved by `months`, on `on_day` (its own day when not given) or the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(on_day or day.day, last))


class Donor(Authored, Versioned):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", gettext_lazy("Individual")
        ORGANISATION = "organisation", gettext_lazy("Organisation")

    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.INDIVIDUAL)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donor_records",
        help_text=gettext_lazy("The organisation of our directory this donor is, if it is in it."),
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=50, blank=True, help_text=gettext_lazy("State."))
    postal_code = models.CharField(max_length=20, blank=True)
    no_mail = models.BooleanField(default=False, help_text=gettext_lazy("Send them no post."))
    no_email = models.BooleanField(default=False, help_text=gettext_lazy("Send them no email."))
    anonymous = models.BooleanField(
        default=False,
        help_text=gettext_lazy("They give anonymously: never name them in public acknowledgements."),
    )

    class Meta:
        ordering = ["family_name", "organisation_name", "given_name", "pk"]

    def __str__(self) -> str:
        if self.kind == self.Kind.ORGANISATION:
            return self.organisation_name
        return f"{self.given_name} {self.family_name}".strip()

    def clean(self) -> None:
        if self.kind == self.Kind.ORGANISATION:
            if not self.organisation_name.strip():
                raise ValidationError({"organisation_name": gettext("Give the organisation's name.")})
        elif not (self.given_name.strip() or self.family_name.strip()):
            raise ValidationError({"family_name": gettext("Give the donor's name.")})
        elif self.organisation_id:
            raise ValidationError(
                {"organisation": gettext("Only an organisation donor is linked to an organisation.")}
            )

    @property
    def address_lines(self) -> list[str]:
        place = " ".join(part for part in (self.city, self.region, self.postal_code) if part)
        return [line for line in (self.street, place) if line]


class RecurringGift(Authored, Versioned):
    """A pledge to give the same amount at a steady pace (CiviContribute: recurring contribution)."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", gettext_lazy("Monthly")
        QUARTERLY = "quarterly", gettext_lazy("Quarterly")
        ANNUALLY = "annually", gettext_lazy("Annually")

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("recurring gift status", "Active")
        PAUSED = "paused", gettext_lazy("Paused")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUALLY: 12}

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="recurring_gifts")
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(CENT)])
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.donor}: ${self.amount} {self.get_frequency_display().lower()}"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("A recurring gift cannot end before it starts.")})

    def due_dates(self, *, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
        """Each instalment due from `start` to `end` (inclusive), with the day its period ends (the next
        instalment's day): an instalment is met by a donation to the gift received in that period."""
        step = self.MONTHS[self.frequency]
        found = []
        n = 0
        while True:
            due = add_months(self.starts_on, n * step, on_day=self.starts_on.day)
            if due > end or (self.ends_on and due > self.ends_on):
                return found
            if due >= start:
                found.append((due, add_months(self.starts_on, (n + 1) * step, on_day=self.starts_on.day)))
            n += 1

    def next_due(self, today: dt.date) -> dt.date | None:
        """The next instalment on or after `today`, for an active gift; None otherwise."""
        if self.status != self.Status.ACTIVE:
            return None
        dates = self.due_dates(start=today, end=add_months(today, self.MONTHS[self.frequency]))
        return dates[0][0] if dates else None


class Donation(Authored, Versioned):
    """One gift received (CiviContribute: contribution). An in-kind gift's amount is its fair value."""

    class Method(models.TextChoices):
        CASH = "cash", gettext_lazy("Cash")
        CHEQUE = "cheque", gettext_lazy("Cheque")
        CARD = "card", gettext_lazy("Card")
        BANK_TRANSFER = "bank_transfer", gettext_lazy("Bank transfer")
        ONLINE = "online", gettext_lazy("Online")
        IN_KIND = "in_kind", gettext_lazy("In kind")

    class Fund(models.TextChoices):
        UNRESTRICTED = "unrestricted", gettext_lazy("Unrestricted")
        RESTRICTED = "restricted", gettext_lazy("Restricted to a program")

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="donations")
    amount = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(CENT)],
        help_text=gettext_lazy("In US dollars; for a gift in kind, its fair value."),
    )
    currency = models.CharField(max_length=3, default="USD", editable=False)
    received_on = models.DateField()
    method = models.CharField(max_length=14, choices=Method.choices)
    in_kind_description = models.TextField(
        blank=True, help_text=gettext_lazy("For a gift in kind: what was given.")
    )
    fund = models.CharField(max_length=12, choices=Fund.choices, default=Fund.UNRESTRICTED)
    program = models.ForeignKey(
        "mezzo.Program", null=True, blank=True, on_delete=models.PROTECT, related_name="donations"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="donations"
    )
    recurring_gift = models.ForeignKey(
        RecurringGift, null=True, blank=True, on_delete=models.SET_NULL, related_name="donations"
    )
    reference = models.CharField(
        max_length=100, blank=True, help_text=gettext_lazy("Cheque number or transaction id.")
    )
    receipt_year = models.PositiveIntegerField(null=True, blank=True, editable=False)
    receipt_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    receipted_on = models.DateField(null=True, blank=True, editable=False)
    voided_on = models.DateField(null=True, blank=True, editable=False)
    void_reason = models.CharField(max_length=500, blank=True, editable=False)
    osdi_identifier = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        editable=False,
        help_text=gettext_lazy("Its identifier where it came from."),
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["receipt_year", "receipt_number"],
                condition=models.Q(receipt_number__isnull=False),
                name="one_receipt_number_a_year",
            )
        ]

    def __str__(self) -> str:
        return gettext("$%(amount)s from %(donor)s on %(date)s") % {
            "amount": self.amount,
            "donor": self.donor,
            "date": f"{self.received_on:%Y-%m-%d}",
        }

    def clean(self) -> None:
        errors = {}
        if self.method == self.Method.IN_KIND and not self.in_kind_description.strip():
            errors["in_kind_description"] = gettext("Say what was given in kind.")
        if self.method != self.Method.IN_KIND and self.in_kind_description.strip():
            errors["in_kind_description"] = gettext("A description is for a gift in kind only.")
        if self.fund == self.Fund.RESTRICTED and not self.program_id:
            errors["program"] = gettext("Name the program a restricted gift is for.")
        if self.fund == self.Fund.UNRESTRICTED and self.program_id:
            errors["program"] = gettext("An unrestricted gift names no program; choose restricted.")
        if self.recurring_gift_id and self.donor_id and self.recurring_gift.donor_id != self.donor_id:
            errors["recurring_gift"] = gettext("Choose a recurring gift of this donor.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_void(self) -> bool:
        return self.voided_on is not None

    @property
    def receipt_label(self) -> str:
        return f"{self.receipt_year}-{self.receipt_number:05d}" if self.receipt_number else ""


class ReceiptSequence(models.Model):
    """The last receipt number given in a year: locked while the next is taken, so none is given twice."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Receipts of {self.year}: {self.last_number}"
