"""Mediation: a dispute, its parties (persons or organisations), sessions, issues and agreements."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column


class Dispute(Versioned):
    class Kind(models.TextChoices):
        FAMILY = "family", gettext_lazy("Family")
        NEIGHBOUR = "neighbour", gettext_lazy("Neighbour")
        TENANT_LANDLORD = "tenant_landlord", gettext_lazy("Tenant–landlord")
        WORKPLACE = "workplace", pgettext_lazy("kind of dispute", "Workplace")
        SCHOOL = "school", pgettext_lazy("kind of dispute", "School")
        ORGANISATIONAL = "organisational", gettext_lazy("Organisational")
        OTHER = "other", gettext_lazy("Other")

    class Status(models.TextChoices):
        OPEN = "open", gettext_lazy("Open")
        AGREEMENT = "agreement_reached", gettext_lazy("Agreement reached")
        NO_AGREEMENT = "closed_no_agreement", gettext_lazy("Closed without agreement")
        WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")

    CLOSED = (Status.AGREEMENT, Status.NO_AGREEMENT, Status.WITHDRAWN)

    title = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(
        blank=True,
        help_text=gettext_lazy("What the dispute is about: no more than the mediators need to know."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    close_reason = models.TextField(blank=True)
    mediators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="disputes_mediated")
    created_by = staff_column()

    class Meta:
        ordering = ["-opened_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.is_closed:
            if not self.closed_on:
                errors["closed_on"] = gettext("Give the date the dispute closed.")
            if not self.close_reason.strip():
                errors["close_reason"] = gettext("Say why the dispute is closing.")
        elif self.closed_on or self.close_reason:
            errors["status"] = gettext("An open dispute has no closing date or reason.")
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = "A dispute cannot close before it opened."
        if errors:
            raise ValidationError(errors)


class Party(Timestamped):
    """Someone at the table: a person or an organisation, never both."""

    class Role(models.TextChoices):
        PARTY = "party", pgettext_lazy("mediation", "Party")
        REPRESENTATIVE = "representative", gettext_lazy("Representative")
        SUPPORT = "support", gettext_lazy("Support person")
        INTERPRETER = "interpreter", gettext_lazy("Interpreter")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    person = optional_key("people.Person", related_name="dispute_parties")
    organisation = optional_key("people.Organisation", related_name="dispute_parties")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PARTY)
    added_by = staff_column()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "parties"
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(organisation__isnull=True))
                | (Q(person__isnull=True) & Q(organisation__isnull=False)),
                name="party_is_a_person_or_an_organisation",
            ),
            models.UniqueConstraint(
                fields=["dispute", "person"], condition=Q(person__isnull=False), name="party_person_once"
            ),
            models.UniqueConstraint(
                fields=["dispute", "organisation"],
                condition=Q(organisation__isnull=False),
                name="party_organisation_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display().lower()})"

    @property
    def name(self) -> str:
        return self.person.display_name if self.person_id else self.organisation.name

    def clean(self) -> None:
        if bool(self.person_id) == bool(self.organisation_id):
            raise ValidationError(
                {"__all__": "A party is either a person or an organisation: choose one of the two."}
            )


class MediationSession(Timestamped):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    present = models.ManyToManyField(Party, blank=True, related_name="sessions")
    summary = models.TextField()
    next_steps = models.TextField(blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"Session of {self.held_on:%Y-%m-%d} on {self.dispute}"


class Issue(Timestamped):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("issue", "Open")
        RESOLVED = "resolved", gettext_lazy("Resolved")
        UNRESOLVED = "unresolved", gettext_lazy("Unresolved")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="issues")
    description = models.CharField(max_length=500)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class Agreement(Versioned):
    class FollowUp(models.TextChoices):
        PENDING = "pending", gettext_lazy("Pending")
        KEPT = "kept", gettext_lazy("Kept")
        PARTLY_KEPT = "partly_kept", gettext_lazy("Partly kept")
        BROKEN = "broken", gettext_lazy("Broken")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="agreements")
    terms = models.TextField()
    reached_on = models.DateField()
    issues = models.ManyToManyField(Issue, blank=True, related_name="agreements")
    follow_up_on = models.DateField(null=True, blank=True)
    follow_up_status = models.CharField(max_length=12, choices=FollowUp.choices, default=FollowUp.PENDING)
    follow_up_note = models.TextField(blank=True)
    followed_up_on = models.DateField(null=True, blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["reached_on", "pk"]

    def __str__(self) -> str:
        return f"Agreement of {self.reached_on:%Y-%m-%d} on {self.dispute}"

    def clean(self) -> None:
        if self.follow_up_on and self.reached_on and self.follow_up_on < self.reached_on:
            raise ValidationError(
                {"follow_up_on": gettext("The follow-up cannot come before the agreement.")}
            )
        if self.follow_up_status in (self.FollowUp.PARTLY_KEPT, self.FollowUp.BROKEN) and not (
            self.follow_up_note.strip()
        ):
            raise ValidationError({"follow_up_note": gettext("Say what was not kept.")})
