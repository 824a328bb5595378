"""Group outcomes: a group's goals, the instruments it measures with, and members' pre/post measures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from tapestry.web.models import Authored, Timestamped, Versioned, optional_key


class GroupGoal(Authored, Versioned):
    """Something the group as a whole aims for, with how it will be known and where it stands."""

    class Status(models.TextChoices):
        ACTIVE = "active", gettext_lazy("Active")
        MET = "met", gettext_lazy("Met")
        PARTLY_MET = "partly_met", gettext_lazy("Partly met")
        NOT_MET = "not_met", gettext_lazy("Not met")

    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="outcome_goals")
    description = models.CharField(
        "goal",
        max_length=300,
        help_text=gettext_lazy("What the group aims for, e.g. 'Members feel less alone'."),
    )
    measure = models.CharField(
        "measure or indicator",
        max_length=300,
        blank=True,
        help_text=gettext_lazy(
            "How you will know, e.g. 'Average PHQ-9 change' or 'Members who attend 6 of 8 sessions'."
        ),
    )
    target = models.CharField(
        max_length=200, blank=True, help_text=gettext_lazy("e.g. 'A drop of 5 points or more'.")
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    reviewed_on = models.DateField("last reviewed on", null=True, blank=True)

    class Meta:
        ordering = ["group", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.group}: {self.description}"


class OutcomeInstrument(Timestamped):
    """A micro assessment instrument this group measures its members with, before and after."""

    group = models.ForeignKey("groups.Group", on_delete=models.CASCADE, related_name="outcome_instruments")
    instrument = models.CharField(max_length=32, help_text="The code of a standard instrument, e.g. phq-9.")

    class Meta:
        ordering = ["group", "instrument"]
        constraints = [
            models.UniqueConstraint(fields=["group", "instrument"], name="outcome_instrument_once_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.instrument}"


class MemberMeasure(Versioned):
    """One member's score on one instrument at the start (pre) or end (post) of the group."""

    class Phase(models.TextChoices):
        PRE = "pre", gettext_lazy("Pre (start of the group)")
        POST = "post", gettext_lazy("Post (end of the group)")

    membership = models.ForeignKey(
        "groups.Membership", on_delete=models.PROTECT, related_name="outcome_measures"
    )
    instrument = models.CharField(max_length=32)
    instrument_version = models.CharField(max_length=20)
    phase = models.CharField(max_length=4, choices=Phase.choices)
    administered_on = models.DateField()
    # Empty when copied from a case assessment: the answers stay on the case, out of the facilitator's reach.
    answers = models.JSONField(default=dict, blank=True)
    total_score = models.IntegerField()
    severity_band = models.CharField(max_length=80, blank=True)
    note = models.TextField(blank=True)
    source_assessment = optional_key("assessments.Assessment")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    correction_reason = models.CharField(max_length=255, blank=True)
    corrected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["membership", "instrument", "-phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "instrument", "phase"], name="member_measure_once_per_phase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.phase} on {self.administered_on:%Y-%m-%d}: {self.total_score}"
