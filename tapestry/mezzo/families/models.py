"""Family plans: strengths, concerns and goals for a household as a whole, with their history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.web.models import Authored, Versioned, optional_key, staff_column


class FamilyPlan(Authored, Versioned):
    """The one family plan of a case about a household; each change is kept as a revision."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="family_plan")
    strengths = models.TextField(help_text=gettext_lazy("What the family does well and can build on."))
    concerns = models.TextField(
        help_text=gettext_lazy("What worries the family, and us, about how things are.")
    )
    started_on = models.DateField(default=timezone.localdate)
    next_review_on = models.DateField(
        null=True, blank=True, help_text=gettext_lazy("When the family reviews the plan next.")
    )

    class Meta:
        indexes = [models.Index(fields=["next_review_on"])]

    def __str__(self) -> str:
        return f"Family plan for {self.case}"

    @property
    def person_id(self) -> int:
        """Whose record this is, so shared writers audit it against the case's person."""
        return self.case.person_id


class FamilyGoal(Versioned):
    """A goal for the family as a whole, with the household members it involves."""

    class Status(models.TextChoices):
        ACTIVE = "active", gettext_lazy("In progress")
        MET = "met", gettext_lazy("Met")
        NOT_MET = "not_met", gettext_lazy("Not met")

    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(max_length=255, help_text=gettext_lazy("What will change for the family."))
    need = optional_key("needs.Need")
    target_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    status_note = models.CharField(
        max_length=255, blank=True, help_text=gettext_lazy("How it was met, or what stood in the way.")
    )
    members = models.ManyToManyField("people.Person", blank=True, related_name="family_goals")
    referrals = models.ManyToManyField("referrals.Referral", blank=True, related_name="family_goals")

    class Meta:
        ordering = ["target_date", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def person_id(self) -> int:
        return self.plan.case.person_id

    def clean(self) -> None:
        if self.status != self.Status.ACTIVE and not self.status_note.strip():
            raise ValidationError(
                {"status_note": gettext("Say how the goal was met, or what stood in the way.")}
            )


class FamilyPlanRevision(models.Model):
    """The plan as it stood after one change (strengths, concerns, goals): who, when and why."""

    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    reason = models.CharField(max_length=255)
    changed_by = staff_column(blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_family_revision_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.plan}"
