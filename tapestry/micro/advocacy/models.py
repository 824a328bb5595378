"""Advocacy for individuals: what a worker did with an agency on a client's behalf, and how it ended."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.web.models import Versioned, optional_key


class AdvocacyAction(Versioned):
    class Issue(models.TextChoices):
        BENEFITS = "benefits", gettext_lazy("Benefits")
        HOUSING = "housing", gettext_lazy("Housing")
        HEALTH_CARE = "health_care", gettext_lazy("Health care access")
        DISCRIMINATION = "discrimination", gettext_lazy("Discrimination")
        IMMIGRATION = "immigration", gettext_lazy("Immigration")
        EDUCATION = "education", gettext_lazy("Education")
        EMPLOYMENT = "employment", gettext_lazy("Employment")
        LEGAL = "legal", gettext_lazy("Legal")
        OTHER = "other", gettext_lazy("Other")

    class Outcome(models.TextChoices):
        PENDING = "pending", gettext_lazy("Pending")
        RESOLVED = "resolved", gettext_lazy("Resolved")
        PARTLY_RESOLVED = "partly_resolved", gettext_lazy("Partly resolved")
        REFUSED = "refused", gettext_lazy("Refused")
        NO_RESPONSE = "no_response", gettext_lazy("No response")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="advocacy_actions")
    action_date = models.DateField(default=timezone.localdate)
    organisation = optional_key(
        "people.Organisation",
        related_name="advocacy_actions",
        help_text=gettext_lazy("The agency contacted, if it is in the organisation list."),
    )
    agency = models.CharField(
        max_length=200,
        blank=True,
        help_text=gettext_lazy("The agency or person contacted, if not in the list (or a contact name)."),
    )
    issue = models.CharField(max_length=20, choices=Issue.choices)
    action_taken = models.TextField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_note = models.TextField(blank=True)
    outcome_date = models.DateField(null=True, blank=True)
    rights_information_given = models.BooleanField(default=False)
    rights_information = models.TextField(
        blank=True, help_text=gettext_lazy("What the client was told about their rights, and in what form.")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-action_date", "-id"]
        indexes = [models.Index(fields=["case", "action_date"]), models.Index(fields=["issue", "outcome"])]

    def __str__(self) -> str:
        return f"{self.get_issue_display()} advocacy with {self.agency_name} ({self.get_outcome_display().lower()})"

    @property
    def agency_name(self) -> str:
        if self.organisation_id and self.agency:
            return f"{self.organisation.name} ({self.agency})"
        return self.organisation.name if self.organisation_id else self.agency

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.organisation_id and not self.agency.strip():
            errors["agency"] = gettext(
                "Say which agency you contacted: choose it from the list or write its name."
            )
        if self.action_date and self.action_date > timezone.localdate() + timedelta(days=1):
            errors["action_date"] = gettext("The action cannot be in the future.")
        if self.outcome != self.Outcome.PENDING and not self.outcome_date:
            errors["outcome_date"] = gettext("Say when the outcome was known.")
        if self.outcome_date and self.action_date and self.outcome_date < self.action_date:
            errors["outcome_date"] = gettext("The outcome cannot come before the action.")
        if self.rights_information_given and not self.rights_information.strip():
            errors["rights_information"] = gettext("Say what rights information was given.")
        if errors:
            raise ValidationError(errors)
