"""Cases (one person or family in a program) and the coded needs recorded on them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.access.models import Segment
from tapestry.web.models import Versioned, optional_key, staff_column


class Case(Versioned):
    class Type(models.TextChoices):
        COUNSELLING = "counselling", gettext_lazy("Individual counselling")
        FAMILY_THERAPY = "family_therapy", gettext_lazy("Family therapy")
        CASE_MANAGEMENT = "case_management", gettext_lazy("Case management")
        CRISIS = "crisis", gettext_lazy("Crisis intervention")
        CHILD_WELFARE = "child_welfare", gettext_lazy("Child welfare")
        MENTAL_HEALTH = "mental_health", gettext_lazy("Mental health")
        SCHOOL = "school", gettext_lazy("School social work")
        SUBSTANCE_USE = "substance_use", gettext_lazy("Substance use counselling")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("case status", "Open")
        ON_HOLD = "on_hold", gettext_lazy("On hold")
        CLOSED = "closed", pgettext_lazy("case status", "Closed")

    class ClosingReason(models.TextChoices):
        GOALS_MET = "goals_met", gettext_lazy("Goals met")
        CLIENT_WITHDREW = "client_withdrew", gettext_lazy("Client withdrew")
        LOST_CONTACT = "lost_contact", gettext_lazy("Lost contact")
        MOVED = "moved", gettext_lazy("Moved away")
        TRANSFERRED = "transferred", gettext_lazy("Transferred to another worker or agency")
        REFERRED_OUT = "referred_out", gettext_lazy("Referred to another service")
        DIED = "died", gettext_lazy("Died")
        OTHER = "other", gettext_lazy("Other")

    # The sensitive segment each kind of case belongs to by default; the others are general.
    SEGMENT_OF_TYPE = {
        Type.CHILD_WELFARE: Segment.CHILD_WELFARE,
        Type.SCHOOL: Segment.SCHOOL,
        Type.SUBSTANCE_USE: Segment.SUBSTANCE_USE,
    }
    # The segments a case may sit in; psychotherapy notes are a segment of notes, never of a case.
    CASE_SEGMENTS = (Segment.SUBSTANCE_USE, Segment.CHILD_WELFARE, Segment.SCHOOL)

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    household = optional_key(
        "people.Household",
        related_name="cases",
        help_text=gettext_lazy("For family work: the household the case is about."),
    )
    program = optional_key("mezzo.Program", related_name="cases")
    case_type = models.CharField(max_length=20, choices=Type.choices)
    segment = models.CharField(max_length=32, choices=Segment.choices, blank=True)
    presenting_problem = models.TextField()
    referral_source = models.CharField(max_length=200, blank=True)
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # Set while the case is on hold, so the caseload can flag holds that have gone on too long.
    on_hold_since = models.DateField(null=True, blank=True)
    hold_reason = models.CharField(max_length=255, blank=True)
    opened_on = models.DateField(default=timezone.localdate)
    closed_on = models.DateField(null=True, blank=True)
    closing_reason = models.CharField(max_length=20, choices=ClosingReason.choices, blank=True)
    closing_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["worker", "status"]), models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return f"{self.number} {self.get_case_type_display()} for {self.person}"

    @property
    def number(self) -> str:
        return f"C-{self.pk:06d}" if self.pk else "C-new"

    def clean(self) -> None:
        if self.status == self.Status.CLOSED and not self.closing_reason:
            raise ValidationError({"closing_reason": gettext("Say why the case is closed.")})
        if self.closed_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": gettext("A case cannot close before it opens.")})
        if self.status == self.Status.ON_HOLD and not self.on_hold_since:
            raise ValidationError({"on_hold_since": gettext("Say since when the case is on hold.")})

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class CaseNeed(Versioned):
    """A coded need on a case, with its current status; its history is in CaseNeedChange.

    A status change must carry the version it was made from (optimistic concurrency).
    """

    class Status(models.TextChoices):
        IDENTIFIED = "identified", gettext_lazy("Identified")
        BEING_ADDRESSED = "being_addressed", gettext_lazy("Being addressed")
        MET = "met", pgettext_lazy("need status", "Met")
        UNMET = "unmet", gettext_lazy("Unmet")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="needs")
    need = models.ForeignKey("needs.Need", on_delete=models.PROTECT, related_name="case_needs")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDENTIFIED)
    barrier = optional_key("needs.Barrier")
    note = models.CharField(max_length=255, blank=True)
    identified_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["need__domain", "need__label"]
        constraints = [models.UniqueConstraint(fields=["case", "need"], name="one_need_per_case")]

    def __str__(self) -> str:
        return f"{self.need.label}: {self.get_status_display()}"

    def clean(self) -> None:
        if self.status == self.Status.UNMET and not self.barrier_id:
            raise ValidationError({"barrier": gettext("Say what stood in the way of an unmet need.")})


class CaseNeedChange(models.Model):
    """One step in a need's status over time."""

    case_need = models.ForeignKey(CaseNeed, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=20, choices=CaseNeed.Status.choices)
    barrier = optional_key("needs.Barrier")
    note = models.CharField(max_length=255, blank=True)
    changed_by = staff_column()
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_need.need.label} -> {self.get_status_display()}"
