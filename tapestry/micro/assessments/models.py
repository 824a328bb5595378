"""Assessments given on a case, and the custom forms an administrator defines without code."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.assessments.instruments import INSTRUMENTS, suicide_risk_reasons
from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column


class CustomForm(Versioned):
    """An assessment form defined by an administrator: questions with scored choices, summed and banded."""

    name = models.CharField(
        max_length=120, unique=True, error_messages={"unique": "A form with this name already exists."}
    )
    description = models.TextField(
        blank=True, help_text=gettext_lazy("What the form is for, shown to the worker.")
    )
    instructions = models.TextField(blank=True, help_text=gettext_lazy("What to say before the questions."))
    flag_at = models.PositiveIntegerField(
        "flag at",
        null=True,
        blank=True,
        help_text=gettext_lazy("A total at or above this raises a flag. Leave empty for never."),
    )
    is_active = models.BooleanField(
        "in use", default=True, help_text=gettext_lazy("Untick to retire the form: past assessments stay.")
    )
    created_by = staff_column()
    # Every change to the form (settings, questions, choices, bands) moves the version on;
    # an assessment records the version it was given with.

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CustomQuestion(Timestamped):
    form = models.ForeignKey(CustomForm, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=1)
    text = models.CharField(max_length=300)
    help = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class CustomChoice(Timestamped):
    question = models.ForeignKey(CustomQuestion, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=1)
    label = models.CharField(max_length=200)
    points = models.IntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.points})"


class CustomBand(Timestamped):
    """A range of totals with its meaning, e.g. 0-4 'Low'."""

    form = models.ForeignKey(CustomForm, on_delete=models.CASCADE, related_name="bands")
    low = models.IntegerField()
    high = models.IntegerField()
    label = models.CharField(max_length=80)
    next_step = models.CharField("proposed next step", max_length=300, blank=True)

    class Meta:
        ordering = ["low", "id"]

    def __str__(self) -> str:
        return f"{self.low}-{self.high} {self.label}"

    def clean(self) -> None:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise ValidationError({"high": gettext("The highest score cannot be below the lowest.")})


class Assessment(Versioned):
    """One administration of an instrument on a case: the answers, and what they scored and meant."""

    class Status(models.TextChoices):
        FINAL = "final", gettext_lazy("Final")
        ENTERED_IN_ERROR = "entered_in_error", gettext_lazy("Entered in error")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="assessments")
    instrument = models.CharField(
        max_length=32,
        blank=True,
        help_text=gettext_lazy("The code of a standard instrument; empty for a custom form."),
    )
    custom_form = optional_key("assessments.CustomForm", related_name="assessments")
    instrument_version = models.CharField(max_length=20)
    administered_on = models.DateField(default=timezone.localdate)
    administered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict, blank=True, help_text=gettext_lazy("Answer value by item code."))
    # The questions and answers as they were shown, so a later change to a form cannot rewrite history.
    responses = models.JSONField(default=list, blank=True)
    total_score = models.IntegerField()
    severity_band = models.CharField(max_length=80, blank=True)
    flagged = models.BooleanField(default=False)
    crisis = models.BooleanField(
        default=False, help_text=gettext_lazy("The answers call for the crisis workflow now.")
    )
    findings = models.JSONField(
        default=list, blank=True, help_text=gettext_lazy("Why it is flagged, in plain words.")
    )
    next_step = models.TextField("proposed next step", blank=True)
    needs_detected = models.JSONField(
        default=list, blank=True, help_text=gettext_lazy("Codes of the needs the answers point to.")
    )
    needs_added_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.FINAL)
    error_reason = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-administered_on", "-id"]
        indexes = [
            models.Index(fields=["case", "instrument", "administered_on"]),
            models.Index(fields=["flagged", "administered_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(instrument="") & Q(custom_form__isnull=False))
                | (~Q(instrument="") & Q(custom_form__isnull=True)),
                name="assessment_one_instrument_or_form",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.administered_on:%Y-%m-%d}: {self.total_score}"

    @property
    def name(self) -> str:
        if self.custom_form_id:
            return self.custom_form.name
        instrument = INSTRUMENTS.get(self.instrument)
        return instrument.name if instrument else self.instrument

    @property
    def series_key(self) -> str:
        """Which line of the scores-over-time chart this assessment belongs to."""
        return f"custom-{self.custom_form_id}" if self.custom_form_id else self.instrument

    @property
    def in_error(self) -> bool:
        return self.status == self.Status.ENTERED_IN_ERROR

    @property
    def suicide_reasons(self) -> tuple[str, ...]:
        """Why the answers point to suicide risk (PHQ-9 item 9, C-SSRS items), apart from any severity score."""
        if self.custom_form_id:
            return ()
        return suicide_risk_reasons(self.instrument, self.answers, self.severity_band)
