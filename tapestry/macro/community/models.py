"""A community needs assessment of one area: its surveys (questions, skip rules, responses), the
indicator data imported for its areas, and the assets (services, groups, organisations) found there."""

from __future__ import annotations

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.places.models import Area
from tapestry.web.models import Authored, Timestamped, Versioned, optional_key, staff_column

PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


def new_token() -> str:
    """An opaque, unguessable public link token (about 190 bits)."""
    return secrets.token_urlsafe(24)


class Assessment(Versioned, Authored):
    """An assessment of one area's needs and strengths; the areas inside it count too."""

    title = models.CharField(max_length=150)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    purpose = models.TextField(blank=True, max_length=4000)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": [gettext("The end comes before the start.")]})


class Survey(Timestamped, Authored):
    """A questionnaire of an assessment; `token` is its public link while `is_open`."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(max_length=150)
    introduction = models.TextField(blank=True, max_length=4000)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    is_open = models.BooleanField(
        default=False, help_text=gettext_lazy("Whether the public link takes answers.")
    )

    class Meta:
        ordering = ["assessment", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Question(Timestamped):
    """One question of a survey; `show_if` makes it a skip rule on an earlier question's answer."""

    class Kind(models.TextChoices):
        SINGLE = "single", gettext_lazy("Single choice")
        MULTIPLE = "multiple", gettext_lazy("Multiple choice")
        SCALE = "scale", gettext_lazy("Scale")
        NUMBER = "number", gettext_lazy("Number")
        TEXT = "text", gettext_lazy("Free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300)
    required = models.BooleanField(default=False)
    choices = models.JSONField(
        default=list, blank=True, help_text=gettext_lazy("The choices, for a choice question.")
    )
    scale_min = models.IntegerField(null=True, blank=True)
    scale_max = models.IntegerField(null=True, blank=True)
    min_label = models.CharField(max_length=60, blank=True)
    max_label = models.CharField(max_length=60, blank=True)
    show_if = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=gettext_lazy("Only if"),
    )
    show_values = models.JSONField(
        default=list,
        blank=True,
        help_text=gettext_lazy("The answers to the earlier question that show this one."),
    )

    class Meta:
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="community_question_position_once")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"

    @property
    def offered(self) -> list[str]:
        """The answers a choice or scale question offers, as text."""
        if self.kind == self.Kind.SCALE and self.scale_min is not None and self.scale_max is not None:
            return [str(n) for n in range(self.scale_min, self.scale_max + 1)]
        return list(self.choices or [])


class Response(Timestamped):
    """One respondent's answers; it names a person only if they filled the optional "contact me" part."""

    class Channel(models.TextChoices):
        STAFF = "staff", gettext_lazy("Entered by staff")
        PUBLIC = "public", gettext_lazy("Public link")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    entered_by = staff_column(blank=True, editable=False)
    contact_name = models.CharField(max_length=150, blank=True)
    contact_detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["survey", "pk"]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey}"


class Answer(models.Model):
    """The answer to one shown question: text, a number, or the chosen options."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True, max_length=4000)
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    chosen = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="community_answer_once")]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"


class IndicatorValue(Timestamped):
    """One published figure for an area (a rate, a median income), as imported from CSV."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    indicator = models.CharField(max_length=150)
    period = models.CharField(max_length=7, help_text=gettext_lazy("2025, 2025-Q3 or 2025-07."))
    value = models.DecimalField(max_digits=18, decimal_places=4)
    margin_of_error = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    source = models.CharField(max_length=200)
    imported_by = staff_column(blank=True, editable=False)

    class Meta:
        ordering = ["indicator", "period", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "indicator", "period", "source"], name="community_indicator_value_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}, {self.area.name}, {self.period}"


class Asset(Versioned, Authored):
    """Something the area has to build on: a service, a group, an organisation."""

    class Kind(models.TextChoices):
        SERVICE = "service", gettext_lazy("Service")
        GROUP = "group", gettext_lazy("Group")
        ORGANISATION = "organisation", gettext_lazy("Organisation")
        OTHER = "other", gettext_lazy("Other")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assets")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True, max_length=4000)
    area = optional_key("places.Area", help_text=gettext_lazy("Where in the assessed area, if known."))
    service = optional_key(
        "directory.Service", help_text=gettext_lazy("The directory's entry for it, if it has one.")
    )
    organisation = optional_key("people.Organisation")

    class Meta:
        ordering = ["assessment", "kind", "name"]

    def __str__(self) -> str:
        return self.name
