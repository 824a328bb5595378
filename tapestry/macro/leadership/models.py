"""Compliance items the agency must keep up (licences, audits, trainings, policy reviews), and the
reminders sent to their owners. Agency records: none names a client."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Versioned, staff_column


class ComplianceItem(Versioned):
    class Kind(models.TextChoices):
        LICENCE = "licence", gettext_lazy("Licence")
        AUDIT = "audit", gettext_lazy("Audit")
        TRAINING = "training", gettext_lazy("Training")
        POLICY_REVIEW = "policy_review", gettext_lazy("Policy review")
        INSURANCE = "insurance", gettext_lazy("Insurance")
        OTHER = "other", gettext_lazy("Other")

    class Recurrence(models.TextChoices):
        NONE = "none", gettext_lazy("Does not recur")
        YEARLY = "yearly", gettext_lazy("Every year")
        MONTHS = "months", gettext_lazy("Every few months")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("compliance item status", "Open")
        DONE = "done", gettext_lazy("Done")
        WAIVED = "waived", gettext_lazy("Waived")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=200)
    owner = staff_column(blank=True)
    due_on = models.DateField()
    recurrence = models.CharField(max_length=8, choices=Recurrence.choices, default=Recurrence.NONE)
    every_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=gettext_lazy("How many months apart, when it recurs every few months."),
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(null=True, blank=True)
    waived_reason = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    evidence = models.CharField(
        max_length=300,
        blank=True,
        help_text=gettext_lazy("Where the proof is kept: a licence number, a file, a link."),
    )
    # The item this one follows, when completing a recurring item made it.
    follows = models.OneToOneField(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="next_item"
    )
    created_by = staff_column(blank=True, editable=False)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.recurrence == self.Recurrence.MONTHS and not self.every_months:
            errors["every_months"] = gettext("Say how many months apart it recurs.")
        if self.every_months is not None and not 1 <= self.every_months <= 60:
            errors["every_months"] = gettext("Write a number of months from 1 to 60.")
        if self.recurrence != self.Recurrence.MONTHS and self.every_months:
            errors["every_months"] = gettext(
                "Only an item that recurs every few months has a number of months."
            )
        if self.status == self.Status.WAIVED and not self.waived_reason.strip():
            errors["waived_reason"] = gettext("Say why it is waived.")
        if self.status == self.Status.DONE and self.done_on is None:
            errors["done_on"] = gettext("Say when it was done.")
        if errors:
            raise ValidationError(errors)


class ComplianceReminder(models.Model):
    """A reminder sent before (or on passing) an item's due date: one per item, due date and lead time."""

    item = models.ForeignKey(ComplianceItem, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    recipient = staff_column()
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "due_on", "days_before"], name="compliance_reminded_once")
        ]

    def __str__(self) -> str:
        return gettext("Reminder %(days)s days before %(date)s") % {
            "days": self.days_before,
            "date": f"{self.due_on:%Y-%m-%d}",
        }
