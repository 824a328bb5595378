"""Referrals from a case to a directory service, with their closed-loop status history."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Versioned, optional_key, staff_column


class Referral(Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", gettext_lazy("Recorded, not sent")
        SENT = "sent", pgettext_lazy("referral status", "Sent")
        RECEIVED = "received", gettext_lazy("Received")
        ACCEPTED = "accepted", gettext_lazy("Accepted")
        DECLINED = "declined", gettext_lazy("Declined")
        COMPLETED = "completed", gettext_lazy("Completed")
        NO_RESPONSE = "no_response", gettext_lazy("No response by the deadline")

    class Urgency(models.TextChoices):
        ROUTINE = "routine", gettext_lazy("Routine")
        SOON = "soon", gettext_lazy("Soon (within the week)")
        URGENT = "urgent", gettext_lazy("Urgent")

    # The parts of the person's record a worker may choose to send; never the notes.
    PARTS = (
        ("identity", gettext_lazy("Identity: name, date of birth, pronouns, languages")),
        ("contact_details", gettext_lazy("Contact details that are safe to use")),
        ("needs", gettext_lazy("The needs this referral is for")),
        ("assessment_summary", gettext_lazy("Assessment results (scores and severity, no notes)")),
        # School cases only; FERPA directory information (see tapestry/micro/school/directory.py).
        (
            "school_enrolment",
            gettext_lazy("School enrolment: the student's name, school, grade level and dates"),
        ),
    )

    # Days the service has to answer, by urgency; after that the referral is marked no response.
    RESPONSE_DAYS = {Urgency.ROUTINE: 10, Urgency.SOON: 5, Urgency.URGENT: 2}

    # The closed loop: which status may follow which when a worker records the service's answer.
    # Sending goes through the consent check, and no response is set only when the deadline passes.
    TRANSITIONS = {
        Status.DRAFT: {Status.SENT},
        Status.SENT: {Status.RECEIVED, Status.ACCEPTED, Status.DECLINED},
        Status.RECEIVED: {Status.ACCEPTED, Status.DECLINED},
        Status.ACCEPTED: {Status.COMPLETED},
        # A late answer still closes the loop.
        Status.NO_RESPONSE: {Status.RECEIVED, Status.ACCEPTED, Status.DECLINED},
        Status.DECLINED: set(),
        Status.COMPLETED: set(),
    }
    AWAITING = (Status.SENT, Status.RECEIVED)

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="referrals")
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="referrals")
    # The agency's record of the organisation behind the service, matched by name: consent names it.
    recipient_organisation = models.ForeignKey(
        "people.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    reason = models.TextField(
        help_text="What you ask the service to do, for the person reading the referral."
    )
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    needs = models.ManyToManyField("cases.CaseNeed", blank=True, related_name="referrals")
    share_identity = models.BooleanField(default=True)
    share_contact_details = models.BooleanField(default=False)
    share_needs = models.BooleanField(default=False)
    share_assessment_summary = models.BooleanField(default=False)
    share_school_enrolment = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    decline_reason = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    response_due_on = models.DateField(null=True, blank=True)
    # The consent relied on when the referral was sent, kept for the record of the disclosure.
    consent = optional_key("access.Consent", related_name="referrals")
    # Why the referral could go without consent, when it did (FERPA directory information).
    legal_basis = models.CharField(max_length=120, blank=True)
    created_by = staff_column()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "response_due_on"])]

    def __str__(self) -> str:
        return gettext("Referral to %(name)s (%(status)s)") % {
            "name": self.service.name,
            "status": self.get_status_display().lower(),
        }

    @property
    def parts(self) -> list[str]:
        """The parts of the record chosen to go with the referral."""
        return [name for name, _ in self.PARTS if getattr(self, f"share_{name}")]

    @property
    def part_labels(self) -> list[str]:
        return [str(label) for name, label in self.PARTS if getattr(self, f"share_{name}")]

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in self.AWAITING
            and self.response_due_on is not None
            and self.response_due_on < timezone.localdate()
        )

    def next_statuses(self) -> list[str]:
        """The answers a worker may record next (sending has its own button)."""
        return [
            value
            for value, _ in self.Status.choices
            if value in self.TRANSITIONS[self.status] and value != self.Status.SENT
        ]


class ReferralEvent(models.Model):
    """One step in a referral's life: recorded, sent, each answer, or the deadline passing."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=12, choices=Referral.Status.choices)
    note = models.CharField(max_length=255, blank=True)
    actor = staff_column()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return gettext("%(status)s at %(at)s") % {
            "status": self.get_status_display(),
            "at": format(self.at, "%Y-%m-%d %H:%M"),
        }
