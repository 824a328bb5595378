"""Cohorts: a set of cases with a common situation, managed together; their members and bulk actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column


class Cohort(Versioned):
    class Situation(models.TextChoices):
        REFUGEES = "refugees", gettext_lazy("Refugees and resettlement")
        DISABILITY = "disability", gettext_lazy("People with disabilities")
        RECOVERY = "recovery", gettext_lazy("People in recovery")
        OTHER = "other", gettext_lazy("Other shared situation")

    class Status(models.TextChoices):
        OPEN = "open", gettext_lazy("Open")
        CLOSED = "closed", gettext_lazy("Closed")

    name = models.CharField(max_length=150)
    situation = models.CharField(max_length=20, choices=Situation.choices)
    description = models.TextField(
        blank=True,
        help_text=gettext_lazy("The situation the members share, in a few lines; no client details."),
    )
    program = optional_key("mezzo.Program", related_name="cohorts")
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cohorts_led")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = staff_column()

    class Meta:
        ordering = ["status", "name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CohortMember(Timestamped):
    """A case in a cohort; removing it sets `removed_on`, so who was in the cohort when stays known."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="cohort_memberships")
    added_on = models.DateField(default=timezone.localdate)
    added_by = staff_column()
    removed_on = models.DateField(null=True, blank=True)
    removed_by = staff_column(blank=True)

    class Meta:
        ordering = ["case__person__family_name", "case__person__given_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "case"],
                condition=Q(removed_on__isnull=True),
                name="cohort_case_once_while_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.number} in {self.cohort}"

    @property
    def person_id(self) -> int:
        """Whose membership this is, for the audit entry."""
        return self.case.person_id

    @property
    def is_current(self) -> bool:
        return self.removed_on is None


class CohortAction(models.Model):
    """One bulk action over a cohort's members, kept for history: what, by whom, how many done or skipped.

    `params` holds only what the action was (title, dates, service); never a client's details.
    """

    class Kind(models.TextChoices):
        GOAL = "goal", gettext_lazy("Shared plan item (goal)")
        TASK = "task", gettext_lazy("Shared task")
        NOTE = "note", gettext_lazy("Bulk contact note")
        REFERRAL = "referral", gettext_lazy("Bulk referral")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    params = models.JSONField(default=dict, blank=True)
    actor = staff_column()
    at = models.DateTimeField(default=timezone.now)
    done = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.at:%Y-%m-%d}: {self.done} done, {self.skipped} skipped"
