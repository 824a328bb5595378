"""Partnerships with other organisations, and the referrals partners send us."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext_lazy

from tapestry.web.models import Authored, Timestamped, Versioned, optional_key, staff_column

# An agreement ending within this many days is flagged for renewal.
RENEWAL_WINDOW_DAYS = 60


class Partnership(Authored, Versioned):
    """One agreement with a partner organisation: its type, dates, shared programs and contacts."""

    class AgreementType(models.TextChoices):
        MOU = "mou", gettext_lazy("Memorandum of understanding")
        SERVICE_CONTRACT = "service_contract", gettext_lazy("Service contract")
        DATA_SHARING = "data_sharing", gettext_lazy("Data-sharing agreement")
        REFERRAL = "referral", gettext_lazy("Referral agreement")
        INFORMAL = "informal", gettext_lazy("Informal partnership")

    class Status(models.TextChoices):
        PROPOSED = "proposed", gettext_lazy("Being agreed")
        ACTIVE = "active", pgettext_lazy("partnership status", "Active")
        SUSPENDED = "suspended", gettext_lazy("Suspended")
        ENDED = "ended", gettext_lazy("Ended")

    # An organisation has at most one agreement of each type in these statuses at a time.
    LIVE = (Status.PROPOSED, Status.ACTIVE, Status.SUSPENDED)

    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.PROTECT, related_name="partnerships"
    )
    agreement_type = models.CharField(max_length=20, choices=AgreementType.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    signed_on = models.DateField(
        null=True, blank=True, help_text=gettext_lazy("Leave empty for an informal partnership.")
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(
        null=True, blank=True, help_text=gettext_lazy("When the agreement runs out, if it does.")
    )
    programs = models.ManyToManyField("mezzo.Program", blank=True, related_name="partnerships")
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships_led",
        help_text=gettext_lazy("Our member of staff who looks after the partnership."),
    )
    contacts = models.ManyToManyField("people.OrganisationContact", blank=True, related_name="partnerships")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["organisation__name", "agreement_type", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "agreement_type"],
                condition=models.Q(status__in=["proposed", "active", "suspended"]),
                name="one_live_partnership_per_type",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_agreement_type_display()} with {self.organisation}"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("The agreement cannot end before it starts.")})
        if self.signed_on and self.signed_on > timezone.localdate():
            raise ValidationError({"signed_on": gettext("The signing date cannot be in the future.")})

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE

    @property
    def days_left(self) -> int | None:
        if self.ends_on is None:
            return None
        return (self.ends_on - timezone.localdate()).days

    @property
    def renewal_due(self) -> bool:
        """A live agreement that runs out within the renewal window (or already has)."""
        left = self.days_left
        return self.is_live and left is not None and left <= RENEWAL_WINDOW_DAYS

    @property
    def renewal_label(self) -> str:
        if not self.renewal_due:
            return ""
        left = self.days_left or 0
        if left < 0:
            return ngettext(
                "Ran out %(days)s day ago: renew or end it",
                "Ran out %(days)s days ago: renew or end it",
                -left,
            ) % {"days": -left}
        if left == 0:
            return gettext("Runs out today")
        return ngettext(
            "Renewal due: runs out in %(days)s day", "Renewal due: runs out in %(days)s days", left
        ) % {"days": left}

    @staticmethod
    def renewal_cutoff() -> dt.date:
        return timezone.localdate() + dt.timedelta(days=RENEWAL_WINDOW_DAYS)


class IncomingReferral(Timestamped):
    """A referral a partner sent us, recorded on the case it led to."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="incoming_referrals")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="incoming_partner_referrals"
    )
    received_on = models.DateField(default=timezone.localdate)
    need = optional_key(
        "needs.Need", help_text=gettext_lazy("The main need the partner referred the person for.")
    )
    reason = models.TextField(help_text=gettext_lazy("What the partner asked us to do."))
    recorded_by = staff_column(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["partnership", "received_on"])]

    def __str__(self) -> str:
        return f"Referral from {self.partnership.organisation} on {self.received_on:%Y-%m-%d}"

    @property
    def person_id(self) -> int:
        return self.case.person_id

    def clean(self) -> None:
        if self.received_on and self.received_on > timezone.localdate():
            raise ValidationError({"received_on": gettext("The date received cannot be in the future.")})
