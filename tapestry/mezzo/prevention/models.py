"""Prevention programs: who they are for, what was delivered to how many, and what changed.

No individual person is recorded here: participants are counted, never named.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.web.models import Timestamped, Versioned, optional_key, staff_column


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or an exponent: 12.50 -> '12.5', 100.00 -> '100'."""
    return f"{value.normalize():f}"


class PreventionProgram(Versioned):
    class Focus(models.TextChoices):
        SUBSTANCE_USE = "substance_use", gettext_lazy("Substance use")
        VIOLENCE = "violence", gettext_lazy("Violence")
        MENTAL_HEALTH = "mental_health", gettext_lazy("Mental health and suicide")
        BULLYING = "bullying", gettext_lazy("Bullying")
        SEXUAL_HEALTH = "sexual_health", gettext_lazy("Sexual health")
        OTHER = "other", gettext_lazy("Other")

    class Setting(models.TextChoices):
        SCHOOL = "school", gettext_lazy("School")
        COMMUNITY = "community", gettext_lazy("Community")
        WORKPLACE = "workplace", gettext_lazy("Workplace")
        ONLINE = "online", gettext_lazy("Online")

    name = models.CharField(max_length=150, unique=True)
    program = optional_key("mezzo.Program", related_name="prevention_programs")
    focus = models.CharField(max_length=20, choices=Focus.choices)
    target_population = models.TextField(
        help_text=gettext_lazy("Who it is for, e.g. 'Pupils in years 7 and 8'.")
    )
    setting = models.CharField(max_length=12, choices=Setting.choices)
    risk_factors = models.JSONField(default=list, blank=True)
    protective_factors = models.JSONField(default=list, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prevention_led"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("The program cannot end before it starts.")})


class Activity(Timestamped):
    """Something delivered to a group of people who are counted, not named."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", gettext_lazy("Workshop")
        TRAINING = "training", gettext_lazy("Training")
        CLASSROOM = "classroom", gettext_lazy("Classroom session")
        COMMUNITY_EVENT = "community_event", gettext_lazy("Community event")
        CAMPAIGN = "campaign", gettext_lazy("Campaign")

    AGE_BANDS = (
        ("children", gettext_lazy("Children")),
        ("youth", gettext_lazy("Youth")),
        ("adults", gettext_lazy("Adults")),
        ("older_adults", gettext_lazy("Older adults")),
    )

    program = models.ForeignKey(PreventionProgram, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    held_on = models.DateField()
    title = models.CharField(max_length=200)
    location = models.CharField(
        max_length=200, blank=True, help_text=gettext_lazy("Setting or place, e.g. 'Riverton High, room 4'.")
    )
    delivered_by = models.CharField(
        max_length=200, help_text=gettext_lazy("Who delivered it: staff or a partner.")
    )
    headcount = models.PositiveIntegerField(help_text=gettext_lazy("How many took part. Nobody is named."))
    children = models.PositiveIntegerField(null=True, blank=True)
    youth = models.PositiveIntegerField(null=True, blank=True)
    adults = models.PositiveIntegerField(null=True, blank=True)
    older_adults = models.PositiveIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%Y-%m-%d})"

    @property
    def banded(self) -> int:
        return sum(getattr(self, name) or 0 for name, _ in self.AGE_BANDS)

    def clean(self) -> None:
        if self.headcount is not None and self.banded > self.headcount:
            raise ValidationError(
                {
                    "headcount": gettext(
                        "The age bands add up to %(banded)s, more than the headcount of %(headcount)s."
                    )
                    % {"banded": self.banded, "headcount": self.headcount}
                }
            )


class OutcomeMeasure(Timestamped):
    """One indicator measured before and after the program, for the group as a whole."""

    class Direction(models.TextChoices):
        HIGHER = "higher", gettext_lazy("Higher is better")
        LOWER = "lower", gettext_lazy("Lower is better")

    class Source(models.TextChoices):
        SURVEY = "survey", gettext_lazy("Survey")
        SCHOOL_RECORDS = "school_records", gettext_lazy("School records")
        INCIDENT_REPORTS = "incident_reports", gettext_lazy("Incident reports")
        SERVICE_DATA = "service_data", gettext_lazy("Service data")
        OBSERVATION = "observation", gettext_lazy("Observation")
        OTHER = "other", gettext_lazy("Other")

    program = models.ForeignKey(PreventionProgram, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=200)
    unit = models.CharField(
        max_length=60, help_text=gettext_lazy("e.g. '% of pupils', 'incidents per term', 'mean score'.")
    )
    direction = models.CharField(max_length=8, choices=Direction.choices)
    before_value = models.DecimalField(max_digits=12, decimal_places=2)
    before_n = models.PositiveIntegerField(
        help_text=gettext_lazy("How many responses or records the value is based on.")
    )
    before_on = models.DateField()
    after_value = models.DecimalField(max_digits=12, decimal_places=2)
    after_n = models.PositiveIntegerField()
    after_on = models.DateField()
    source = models.CharField(max_length=20, choices=Source.choices)
    recorded_by = staff_column()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def change(self) -> Decimal:
        return self.after_value - self.before_value

    @property
    def before_display(self) -> str:
        return plain(self.before_value)

    @property
    def after_display(self) -> str:
        return plain(self.after_value)

    @property
    def improved(self) -> bool | None:
        """True if the change went the good way, False the bad way, None when unchanged."""
        if self.change == 0:
            return None
        return (self.change > 0) == (self.direction == self.Direction.HIGHER)

    @property
    def change_label(self) -> str:
        sign = "+" if self.change > 0 else ""
        verdict = {True: gettext("better"), False: gettext("worse"), None: gettext("no change")}[
            self.improved
        ]
        return f"{sign}{plain(self.change)} {self.unit} ({verdict})"

    def clean(self) -> None:
        errors = {}
        if self.before_n == 0:
            errors["before_n"] = gettext("A value needs at least one response or record behind it.")
        if self.after_n == 0:
            errors["after_n"] = gettext("A value needs at least one response or record behind it.")
        if self.after_on and self.before_on and self.after_on < self.before_on:
            errors["after_on"] = gettext("The 'after' measurement cannot come before the 'before' one.")
        if errors:
            raise ValidationError(errors)
