"""Crisis intervention records: rapid risk assessments, safety plans, urgent follow-ups, escalations."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Timestamped, Versioned, optional_key

# An urgent follow-up is for the next hours or days; anything later belongs in the care plan.
FOLLOW_UP_MAX_AHEAD = timedelta(days=7)


class RiskType(models.TextChoices):
    SUICIDE = "suicide", gettext_lazy("Suicide")
    SELF_HARM = "self_harm", gettext_lazy("Self-harm")
    VIOLENCE = "violence", gettext_lazy("Violence to others")
    ABUSE_NEGLECT = "abuse_neglect", gettext_lazy("Abuse or neglect")
    DISASTER = "disaster", gettext_lazy("Disaster or displacement")


class RiskLevel(models.TextChoices):
    NONE = "none", pgettext_lazy("risk level", "None")
    LOW = "low", pgettext_lazy("risk level", "Low")
    MODERATE = "moderate", pgettext_lazy("risk level", "Moderate")
    HIGH = "high", pgettext_lazy("risk level", "High")
    IMMINENT = "imminent", pgettext_lazy("risk level", "Imminent")


LEVEL_RANK = {level: rank for rank, level in enumerate(RiskLevel.values)}
URGENT_LEVELS = (RiskLevel.HIGH, RiskLevel.IMMINENT)
# From moderate up the worker must say what points to the risk, so the next reader can judge it.
LEVELS_NEEDING_FACTORS = (RiskLevel.MODERATE, RiskLevel.HIGH, RiskLevel.IMMINENT)


class RiskAssessment(Timestamped):
    """A rapid, point-in-time screen of every kind of risk on a case."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="risk_assessments")
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)
    highest_level = models.CharField(
        max_length=10,
        choices=RiskLevel.choices,
        help_text=gettext_lazy("The highest level found across all risk types."),
    )
    protective_factors = models.TextField(blank=True)
    immediate_actions = models.TextField(blank=True, help_text=gettext_lazy("What was done straight away."))
    # The standardised screen (e.g. a positive C-SSRS) that prompted this assessment, if any.
    trigger_assessment_id = models.PositiveIntegerField(null=True, blank=True)
    trigger_note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-assessed_at", "-id"]
        indexes = [
            models.Index(fields=["case", "assessed_at"]),
            models.Index(fields=["highest_level", "assessed_at"]),
        ]

    def __str__(self) -> str:
        return f"Risk assessment {self.assessed_at:%Y-%m-%d}: {self.get_highest_level_display().lower()}"

    @property
    def is_urgent(self) -> bool:
        return self.highest_level in URGENT_LEVELS

    def clean(self) -> None:
        if self.assessed_at and self.assessed_at > timezone.now() + timedelta(minutes=5):
            raise ValidationError({"assessed_at": gettext("The assessment cannot be in the future.")})
        if self.highest_level in URGENT_LEVELS and not self.immediate_actions.strip():
            raise ValidationError(
                {"immediate_actions": gettext("At high or imminent risk, say what was done straight away.")}
            )


class RiskFinding(models.Model):
    """One kind of risk in an assessment: its level and what points to it."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="findings")
    risk_type = models.CharField(max_length=20, choices=RiskType.choices)
    level = models.CharField(max_length=10, choices=RiskLevel.choices)
    factors = models.TextField(blank=True, help_text=gettext_lazy("Risk factors and warning signs seen."))

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "risk_type"], name="one_finding_per_risk_type")
        ]

    def __str__(self) -> str:
        return f"{self.get_risk_type_display()}: {self.get_level_display().lower()}"

    def clean(self) -> None:
        if self.level in LEVELS_NEEDING_FACTORS and not self.factors.strip():
            raise ValidationError({"factors": gettext("Say what points to this level of risk.")})


class EmergencyContact(models.Model):
    """An emergency service called during the assessment."""

    class Service(models.TextChoices):
        POLICE = "police", gettext_lazy("Police")
        AMBULANCE = "ambulance", gettext_lazy("Ambulance / emergency medical services")
        MOBILE_CRISIS = "mobile_crisis", gettext_lazy("Mobile crisis team")
        CRISIS_LINE = "crisis_line", gettext_lazy("Crisis line (988)")
        CHILD_PROTECTION = "child_protection", gettext_lazy("Child protective services")
        ADULT_PROTECTION = "adult_protection", gettext_lazy("Adult protective services")
        FIRE_RESCUE = "fire_rescue", gettext_lazy("Fire, rescue or disaster services")
        OTHER = "other", gettext_lazy("Other")

    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="emergency_contacts"
    )
    service = models.CharField(max_length=20, choices=Service.choices)
    contacted_at = models.DateTimeField()
    reference = models.CharField(
        max_length=100, blank=True, help_text=gettext_lazy("Incident, call or case number given.")
    )
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["contacted_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_service_display()} at {self.contacted_at:%Y-%m-%d %H:%M}"


def _contact_errors(contacts: object, *, phone_required: bool) -> list[str]:
    if not isinstance(contacts, list):
        return [gettext("Give a list of contacts.")]
    errors = []
    for number, contact in enumerate(contacts, start=1):
        if not isinstance(contact, dict) or not str(contact.get("name", "")).strip():
            errors.append(gettext("Contact %(number)s needs a name.") % {"number": number})
        elif phone_required and not str(contact.get("phone", "")).strip():
            errors.append(
                gettext("Contact %(number)s (%(name)s) needs a phone number.")
                % {"number": number, "name": contact["name"]}
            )
    return errors


class SafetyPlan(Versioned):
    """The client's own plan for getting through a crisis, in steps they take in order.

    Sections follow the structure of a Stanley-Brown style plan. List sections hold short
    lines in the client's words; the two contact sections hold {name, phone} pairs.
    """

    LIST_SECTIONS = (
        "warning_signs",
        "internal_coping",
        "social_distractions",
        "means_safety",
        "reasons_for_living",
    )
    CONTACT_SECTIONS = ("help_contacts", "professional_contacts")
    SECTIONS = (
        "warning_signs",
        "internal_coping",
        "social_distractions",
        "help_contacts",
        "professional_contacts",
        "means_safety",
        "reasons_for_living",
    )

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="safety_plan")
    warning_signs = models.JSONField(default=list, blank=True)
    internal_coping = models.JSONField(default=list, blank=True)
    social_distractions = models.JSONField(default=list, blank=True)
    help_contacts = models.JSONField(default=list, blank=True)
    professional_contacts = models.JSONField(default=list, blank=True)
    means_safety = models.JSONField(default=list, blank=True)
    reasons_for_living = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Safety plan (version {self.version})"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        for name in self.LIST_SECTIONS:
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
                errors[name] = [gettext("Give a list of short lines.")]
        for name in self.CONTACT_SECTIONS:
            problems = _contact_errors(getattr(self, name), phone_required=name == "professional_contacts")
            if problems:
                errors[name] = problems
        if not errors.get("warning_signs") and not any(line.strip() for line in self.warning_signs):
            errors["warning_signs"] = [gettext("Write at least one warning sign, in the client's words.")]
        if not errors.get("professional_contacts") and not self.professional_contacts:
            errors["professional_contacts"] = [
                gettext("Name at least one professional or crisis line to call, with the phone number.")
            ]
        if errors:
            raise ValidationError(errors)


class FollowUp(Timestamped):
    """An urgent task with a short deadline; missed, it is escalated to a supervisor."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="urgent_follow_ups")
    risk_assessment = models.ForeignKey(
        RiskAssessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="crisis_follow_ups"
    )
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = optional_key(settings.AUTH_USER_MODEL)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["owner", "done_at", "due_at"]),
            models.Index(fields=["done_at", "due_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} (due {timezone.localtime(self.due_at):%Y-%m-%d %H:%M})"

    def clean(self) -> None:
        if self.due_at and self.set_at:
            if self.due_at <= self.set_at:
                raise ValidationError({"due_at": gettext("The deadline must be later than now.")})
            if self.due_at > self.set_at + FOLLOW_UP_MAX_AHEAD:
                raise ValidationError(
                    {
                        "due_at": "An urgent follow-up is due within 7 days; use a care-plan task for later work."
                    }
                )
        if self.done_at and not self.outcome.strip():
            raise ValidationError({"outcome": "Say what happened."})

    def is_overdue(self, now: datetime | None = None) -> bool:
        return self.done_at is None and self.due_at < (now or timezone.now())

    def status(self, now: datetime | None = None) -> str:
        if self.done_at is not None:
            return "done"
        return "overdue" if self.is_overdue(now) else "open"


class Escalation(models.Model):
    """A missed follow-up raised to the owner's supervisor (or every supervisor if they have none)."""

    # One per follow-up: running the check again never escalates the same miss twice.
    follow_up = models.OneToOneField(FollowUp, on_delete=models.CASCADE, related_name="escalation")
    escalated_at = models.DateTimeField(default=timezone.now)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="crisis_escalations")
    reason = models.CharField(max_length=255)

    class Meta:
        ordering = ["-escalated_at", "-id"]

    def __str__(self) -> str:
        return f"Escalated: {self.follow_up.title}"
