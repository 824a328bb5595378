"""Mental health and substance-use treatment: plans, medication check-ins, team notes and releases.

Every row belongs to a case and inherits its segment: a mental-health case is general, a
substance-use case is in the substance_use segment (42 CFR Part 2) and needs that grant to read.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import Consent
from tapestry.web.models import Timestamped, Versioned, staff_column


class TreatmentPlan(Versioned):
    """The case's current treatment plan; edits bump `version` (optimistic concurrency)."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="treatment_plan")
    diagnosis = models.TextField(
        help_text=gettext_lazy(
            "The working diagnosis in words, as the treating clinician describes it. No codes needed."
        )
    )
    problems = models.TextField(help_text=gettext_lazy("What the person wants help with, one per line."))
    goals = models.TextField(help_text=gettext_lazy("Measurable goals, one per line."))
    interventions = models.TextField(
        help_text=gettext_lazy("What the team will do: therapies, groups, medication review.")
    )
    frequency = models.CharField(
        max_length=200, help_text=gettext_lazy("e.g. 'Weekly individual session, monthly psychiatry'.")
    )
    review_on = models.DateField("review date")
    created_by = staff_column()

    def __str__(self) -> str:
        return gettext("Treatment plan for %(person)s") % {"person": self.case.person}


class MedicationCheckin(Timestamped):
    """A check-in on how a person is taking a medication, in their own words."""

    class Adherence(models.TextChoices):
        AS_PRESCRIBED = "as_prescribed", gettext_lazy("Taken as prescribed")
        MISSED_SOME = "missed_some", gettext_lazy("Missed some doses")
        MISSED_MOST = "missed_most", gettext_lazy("Missed most doses")
        STOPPED = "stopped", gettext_lazy("Stopped taking it")

    # Adherence the caseload shows as a risk flag.
    CONCERNING = (Adherence.MISSED_MOST, Adherence.STOPPED)

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="medication_checkins")
    checked_on = models.DateField(default=timezone.localdate)
    medication = models.CharField(max_length=120)
    prescribed_by = models.CharField(max_length=150, blank=True)
    adherence = models.CharField(max_length=16, choices=Adherence.choices)
    side_effects = models.TextField(blank=True)
    note = models.TextField(blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return gettext("%(medication)s on %(checked_on)s: %(adherence)s") % {
            "medication": self.medication,
            "checked_on": format(self.checked_on, "%Y-%m-%d"),
            "adherence": self.get_adherence_display(),
        }

    def clean(self) -> None:
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": gettext("A check-in cannot be in the future.")})


class TeamNote(Timestamped):
    """A note from one discipline of the multidisciplinary team. Notes are kept as written."""

    class Discipline(models.TextChoices):
        PSYCHIATRY = "psychiatry", gettext_lazy("Psychiatry")
        NURSING = "nursing", gettext_lazy("Nursing")
        SOCIAL_WORK = "social_work", gettext_lazy("Social work")
        PSYCHOLOGY = "psychology", gettext_lazy("Psychology")
        PEER_SUPPORT = "peer_support", gettext_lazy("Peer support")
        PRIMARY_CARE = "primary_care", gettext_lazy("Primary care")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="team_notes")
    discipline = models.CharField(max_length=16, choices=Discipline.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField(default=timezone.localdate)
    text = models.TextField()
    # SUD counselling notes (42 CFR 2.11) are kept apart and leave only under a consent of their own.
    counselling_note = models.BooleanField(
        "SUD counselling note",
        default=False,
        help_text=gettext_lazy(
            "Notes of a counselling session kept apart from the rest of the record (42 CFR 2.31(b))."
        ),
    )

    class Meta:
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return gettext("%(discipline)s note, %(written_on)s") % {
            "discipline": self.get_discipline_display(),
            "written_on": format(self.written_on, "%Y-%m-%d"),
        }

    def clean(self) -> None:
        if self.written_on and self.written_on > timezone.localdate():
            raise ValidationError({"written_on": gettext("A note cannot be dated in the future.")})


class Release(Timestamped):
    """One disclosure of substance-use records outside the agency, made under a written consent.

    What went out is kept as it was (`content`), with the notice that went with it, so the record
    of the disclosure does not change when the plan or notes change later.
    """

    class Part(models.TextChoices):
        TREATMENT_PLAN = "treatment_plan", gettext_lazy("Treatment plan")
        MEDICATION = "medication", gettext_lazy("Medication adherence check-ins")
        TEAM_NOTES = "team_notes", gettext_lazy("Team notes")
        COUNSELLING_NOTES = "counselling_notes", gettext_lazy("SUD counselling notes")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="releases")
    recipient = models.ForeignKey("people.Organisation", on_delete=models.PROTECT, related_name="releases")
    purpose = models.CharField(max_length=32, choices=Consent.Purpose.choices)
    parts = models.JSONField(help_text="The parts of the record released (Release.Part values).")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="releases")
    content = models.JSONField(help_text="What was released, as it stood at the time.")
    redisclosure_notice = models.TextField()
    consent_explanation = models.TextField(
        blank=True,
        help_text="The scope of the consent, as sent with the release (42 CFR 2.32(b)).",
    )
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return gettext("Release to %(recipient)s on %(released_at)s") % {
            "recipient": self.recipient,
            "released_at": format(self.released_at, "%Y-%m-%d"),
        }

    @property
    def number(self) -> str:
        return f"R-{self.pk:06d}" if self.pk else "R-new"

    def part_labels(self) -> list[str]:
        return [str(self.Part(part).label) for part in self.parts if part in self.Part.values]
