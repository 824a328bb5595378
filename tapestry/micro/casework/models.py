"""Care plans (goals, tasks, reviews, revisions), progress notes with addenda, and services delivered."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop, pgettext_lazy

from tapestry.access.models import Segment
from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
MINUTES_VALIDATORS = [MinValueValidator(1), MaxValueValidator(24 * 60)]


# Care plans ---------------------------------------------------------------------------------


class CarePlan(Versioned):
    """The one current care plan of a case; how it looked before each change is in PlanRevision."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="care_plan")
    summary = models.TextField(
        help_text=gettext_lazy("What the client and worker are working towards, in a few lines.")
    )
    started_on = models.DateField(default=timezone.localdate)
    next_review_on = models.DateField(
        null=True, blank=True, help_text=gettext_lazy("When the plan is next reviewed with the client.")
    )
    created_by = staff_column()

    class Meta:
        indexes = [models.Index(fields=["next_review_on"])]

    def __str__(self) -> str:
        return f"Care plan for {self.case}"

    @property
    def person_id(self) -> int:
        """Whose plan this is, so shared writers (versioned_update) audit it against the person."""
        return self.case.person_id


class PlanRevision(models.Model):
    """A snapshot of the plan (summary, goals, tasks) as it stood after a change: who, when and why."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    reason = models.CharField(max_length=255)
    changed_by = staff_column()
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_revision_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.plan}"


class Goal(Versioned):
    """A specific, measurable goal of the plan, tied to the coded needs it addresses."""

    class Status(models.TextChoices):
        ACTIVE = "active", gettext_lazy("In progress")
        ACHIEVED = "achieved", gettext_lazy("Achieved")
        PARTLY_ACHIEVED = "partly_achieved", gettext_lazy("Partly achieved")
        NOT_ACHIEVED = "not_achieved", gettext_lazy("Not achieved")
        DISCONTINUED = "discontinued", gettext_lazy("Discontinued")

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(
        max_length=255, help_text=gettext_lazy("What will change, in the client's terms.")
    )
    measure = models.CharField(
        max_length=255,
        help_text=gettext_lazy("How progress is measured, e.g. 'job applications sent per week'."),
    )
    target = models.CharField(
        max_length=120, help_text=gettext_lazy("The value that means the goal is met, e.g. '3'.")
    )
    target_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    needs = models.ManyToManyField("cases.CaseNeed", blank=True, related_name="goals")

    class Meta:
        ordering = ["target_date", "id"]

    def __str__(self) -> str:
        return self.description


class Task(Versioned):
    """A step someone on the team takes by a date, usually towards a goal."""

    class Status(models.TextChoices):
        OPEN = "open", gettext_lazy("Open")
        DONE = "done", pgettext_lazy("task status", "Done")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="tasks")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks")
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="casework_tasks"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = staff_column()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def person_id(self) -> int:
        """Whose task this is, so shared writers (versioned_update) audit it against the person."""
        return self.case.person_id

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()

    def clean(self) -> None:
        if self.status == self.Status.DONE and self.completed_at is None:
            raise ValidationError(
                {"completed_at": gettext("A finished task needs the time it was finished.")}
            )
        if self.status != self.Status.DONE and self.completed_at is not None:
            raise ValidationError({"completed_at": gettext("Only a finished task has a completion time.")})


class ProgressReview(Timestamped):
    """A periodic review of the plan with the client: ratings, what was said, when to review next."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(default=timezone.localdate)
    overall_rating = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=RATING_VALIDATORS,
        help_text=gettext_lazy("1 (no progress) to 5 (goals met)."),
    )
    narrative = models.TextField(help_text=gettext_lazy("What the client and worker saw, and what changes."))
    next_review_on = models.DateField(null=True, blank=True)
    reviewed_by = staff_column()

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of {self.reviewed_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.next_review_on and self.next_review_on <= self.reviewed_on:
            raise ValidationError({"next_review_on": gettext("The next review must come after this one.")})


class GoalRating(models.Model):
    """One goal's rating at a review."""

    review = models.ForeignKey(ProgressReview, on_delete=models.CASCADE, related_name="goal_ratings")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="ratings")
    rating = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    comment = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["goal__target_date", "goal_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "goal"], name="one_rating_per_goal_per_review")
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.rating}/5"


# Notes --------------------------------------------------------------------------------------


class ProgressNote(Versioned):
    """A progress note (DAP, SOAP) or contact note; drafted, then signed and locked."""

    class Format(models.TextChoices):
        DAP = "dap", gettext_lazy("DAP (data, assessment, plan)")
        SOAP = "soap", gettext_lazy("SOAP (subjective, objective, assessment, plan)")
        CONTACT = "contact", gettext_lazy("Contact note")

    class Status(models.TextChoices):
        DRAFT = "draft", gettext_lazy("Draft")
        SIGNED = "signed", pgettext_lazy("note status", "Signed")

    class NoteSegment(models.TextChoices):
        GENERAL = "", gettext_lazy("Part of the case record")
        PSYCHOTHERAPY = (
            Segment.PSYCHOTHERAPY.value,
            gettext_lazy("Psychotherapy note (kept apart, needs a grant)"),
        )

    class ContactType(models.TextChoices):
        OFFICE = "office", gettext_lazy("Office visit")
        HOME_VISIT = "home_visit", gettext_lazy("Home visit")
        PHONE = "phone", gettext_lazy("Phone call")
        VIDEO = "video", gettext_lazy("Video call")
        OTHER = "other", gettext_lazy("Other (say where under location)")

    # What the signer agrees to; the words are stored with the signature, as the signer read them
    # (translated), so a later rewording does not change what an earlier signer attested.
    ATTESTATION = gettext_noop("I attest this note is accurate and complete.")

    # The sections each format must fill; the others stay empty.
    SECTIONS = {
        Format.DAP: ("data", "assessment", "plan"),
        Format.SOAP: ("subjective", "objective", "assessment", "plan"),
        Format.CONTACT: ("text",),
    }
    ALL_SECTIONS = ("data", "subjective", "objective", "assessment", "plan", "text")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="progress_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    format = models.CharField(max_length=10, choices=Format.choices)
    title = models.CharField(
        max_length=120,
        blank=True,
        help_text=gettext_lazy(
            "A short subject for lists and the timeline, e.g. 'Session 4'; keep details out of it."
        ),
    )
    contact_date = models.DateField(default=timezone.localdate)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True, validators=MINUTES_VALIDATORS)
    contact_type = models.CharField(max_length=12, choices=ContactType.choices, blank=True)
    location = models.CharField(
        max_length=200,
        blank=True,
        help_text=gettext_lazy(
            "Where it took place, e.g. 'client's home' or 'public library'; no street addresses."
        ),
    )
    others_present = models.CharField(
        "others present",
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Anyone else there, by role, e.g. 'mother; school counsellor'."),
    )
    goals = models.ManyToManyField(
        Goal,
        blank=True,
        related_name="notes",
        help_text=gettext_lazy("The goals of the case's care plan this contact worked on."),
    )
    data = models.TextField(blank=True, help_text=gettext_lazy("What was observed and said."))
    subjective = models.TextField(
        blank=True, help_text=gettext_lazy("What the client reports, in their words.")
    )
    objective = models.TextField(blank=True, help_text=gettext_lazy("What the worker observed or measured."))
    assessment = models.TextField(blank=True, help_text=gettext_lazy("The worker's understanding of it."))
    plan = models.TextField(blank=True, help_text=gettext_lazy("What happens next, and who does it."))
    text = models.TextField("note", blank=True)
    segment = models.CharField(max_length=32, choices=NoteSegment.choices, blank=True)
    # The segment the access policy reads: the note's own, else its case's (kept on save).
    effective_segment = models.CharField(max_length=32, blank=True, editable=False)
    present = models.ManyToManyField(
        "people.Person",
        blank=True,
        related_name="casework_sessions_attended",
        help_text=gettext_lazy("Household members present at a family session."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    signed_by = optional_key(settings.AUTH_USER_MODEL)
    signed_at = models.DateTimeField(null=True, blank=True)
    attestation = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        ordering = ["-contact_date", "-id"]
        indexes = [
            models.Index(fields=["case", "contact_date"]),
            models.Index(fields=["effective_segment"]),
        ]

    def __str__(self) -> str:
        return f"{self.display_title}, {self.contact_date:%Y-%m-%d}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.effective_segment = self.segment or self.case.segment
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "effective_segment"}
        super().save(*args, **kwargs)

    @classmethod
    def format_name(cls, format: str) -> str:
        """'DAP note', 'SOAP note', 'Contact note': the short name of a format."""
        return (
            gettext("Contact note")
            if format == cls.Format.CONTACT
            else gettext("%(format)s note") % {"format": format.upper()}
        )

    @property
    def display_title(self) -> str:
        kind = self.format_name(self.format)
        return gettext("%(kind)s: %(title)s") % {"kind": kind, "title": self.title} if self.title else kind

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def is_psychotherapy(self) -> bool:
        return self.segment == Segment.PSYCHOTHERAPY

    def sections(self) -> list[tuple[str, str]]:
        """(label, text) of the sections this note's format has, in reading order."""
        names = self.SECTIONS.get(self.format, ())
        return [
            (gettext(self._meta.get_field(name).verbose_name.capitalize()), getattr(self, name))
            for name in names
        ]

    def missing_sections(self) -> list[str]:
        """The sections of this note's format still empty: a note is signed only when none are."""
        return [name for name in self.SECTIONS.get(self.format, ()) if not getattr(self, name).strip()]

    def clean(self) -> None:
        # A draft may be incomplete; its sections must still be those of its format.
        required = self.SECTIONS.get(self.format, ())
        errors = {
            name: gettext("A %(format)s has no such section; leave it empty.")
            % {"format": self.get_format_display()}
            for name in self.ALL_SECTIONS
            if name not in required and getattr(self, name).strip()
        }
        if required and not any(getattr(self, name).strip() for name in required):
            errors[required[0]] = gettext("Write something in the note before saving it.")
        if self.contact_date and self.contact_date > timezone.localdate():
            errors["contact_date"] = gettext("The contact cannot be in the future.")
        if self.status == self.Status.SIGNED:
            if self.signed_by_id is None or self.signed_at is None:
                errors["status"] = gettext("A signed note records who signed it and when.")
            if not self.attestation:
                errors["attested"] = gettext("Tick the attestation to sign the note.")
            errors.update(
                {name: gettext("Fill in this section before signing.") for name in self.missing_sections()}
            )
        if errors:
            raise ValidationError(errors)


class Addendum(models.Model):
    """A correction or addition to a signed note; the note itself never changes."""

    note = models.ForeignKey(ProgressNote, on_delete=models.CASCADE, related_name="addenda")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "addenda"

    def __str__(self) -> str:
        return f"Addendum to {self.note} at {self.created_at:%Y-%m-%d %H:%M}"


# Services delivered -------------------------------------------------------------------------


class ServiceRecord(Timestamped):
    """A unit of service delivered on a case, for reporting: what, how long, how."""

    class Type(models.TextChoices):
        COUNSELLING = "counselling", gettext_lazy("Counselling")
        CASE_MANAGEMENT = "case_management", gettext_lazy("Case management")
        CRISIS_INTERVENTION = "crisis_intervention", gettext_lazy("Crisis intervention")
        ADVOCACY = "advocacy", gettext_lazy("Advocacy")
        REFERRAL = "referral", gettext_lazy("Referral and linkage")
        HOME_VISIT = "home_visit", gettext_lazy("Home visit")
        GROUP = "group", gettext_lazy("Group")
        FAMILY_SESSION = "family_session", gettext_lazy("Family session")
        TRANSPORT = "transport", gettext_lazy("Transport")
        OTHER = "other", gettext_lazy("Other")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", gettext_lazy("In person")
        PHONE = "phone", gettext_lazy("Phone")
        VIDEO = "video", gettext_lazy("Video")
        HOME_VISIT = "home_visit", gettext_lazy("Home visit")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="services_delivered")
    delivered_on = models.DateField(default=timezone.localdate)
    service_type = models.CharField(max_length=24, choices=Type.choices)
    minutes = models.PositiveIntegerField(validators=MINUTES_VALIDATORS)
    modality = models.CharField(max_length=12, choices=Modality.choices)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.ForeignKey(
        ProgressNote, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    description = models.CharField(max_length=255, blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["-delivered_on", "-id"]
        indexes = [models.Index(fields=["case", "delivered_on"]), models.Index(fields=["service_type"])]

    def __str__(self) -> str:
        return f"{self.get_service_type_display()}, {self.minutes} min on {self.delivered_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.delivered_on and self.delivered_on > timezone.localdate():
            raise ValidationError({"delivered_on": gettext("A service cannot be delivered in the future.")})
        if self.note_id and self.case_id and self.note.case_id != self.case_id:
            raise ValidationError({"note": gettext("The note belongs to another case.")})
