"""Child-welfare safety: the assessment of whether the children are safe now, and the safety plan."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.child_welfare.models.base import Recorded, SegmentedRecord
from tapestry.micro.child_welfare.models.reports import Report
from tapestry.web.models import Timestamped, optional_key


class SafetyAssessment(SegmentedRecord):
    """Whether the children are safe now: threats, protective capacities and the safety decision."""

    class Threat(models.TextChoices):
        HARM_NOW = "harm_now", gettext_lazy("Caregiver caused or threatens serious harm")
        NO_PROTECTION = "no_protection", gettext_lazy("Caregiver cannot or will not protect the child")
        BASIC_NEEDS = (
            "basic_needs",
            gettext_lazy("Child's basic needs (food, shelter, medical care) are not met"),
        )
        HAZARDOUS_HOME = "hazardous_home", gettext_lazy("The home is physically hazardous")
        SUBSTANCE_IMPAIRED = "substance_impaired", gettext_lazy("Caregiver's substance use impairs care")
        VIOLENCE_IN_HOME = "violence_in_home", gettext_lazy("Domestic violence endangers the child")
        SEXUAL_ABUSE_ACCESS = "sexual_abuse_access", gettext_lazy("An alleged abuser has access to the child")
        CHILD_FEARFUL = "child_fearful", gettext_lazy("Child is fearful of the home or a caregiver")
        MENTAL_HEALTH = "mental_health", gettext_lazy("Caregiver's mental health impairs care")
        OTHER = "other", gettext_lazy("Other threat (describe)")

    class Decision(models.TextChoices):
        SAFE = "safe", gettext_lazy("Safe")
        CONDITIONALLY_SAFE = "conditionally_safe", gettext_lazy("Conditionally safe (with a safety plan)")
        UNSAFE = "unsafe", gettext_lazy("Unsafe (the child cannot stay at home)")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="safety_assessments")
    report = optional_key(Report, related_name="safety_assessments")
    assessed_on = models.DateField(default=timezone.localdate)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    threats = models.JSONField("safety threats identified", default=list, blank=True)
    threats_note = models.TextField("about the threats", blank=True)
    protective_capacities = models.TextField(
        help_text=gettext_lazy(
            "What the caregivers can do to keep the child safe: knowledge, skills, support, willingness."
        )
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return gettext("Safety assessment %(on)s: %(decision)s") % {
            "on": f"{self.assessed_on:%Y-%m-%d}",
            "decision": self.get_decision_display(),
        }

    @property
    def threat_labels(self) -> list[str]:
        labels = dict(self.Threat.choices)
        return [str(labels.get(code, code)) for code in self.threats]

    def clean(self) -> None:
        unknown = set(self.threats) - set(self.Threat.values)
        if unknown:
            raise ValidationError(
                {
                    "threats": gettext("Unknown safety threats: %(threats)s.")
                    % {"threats": ", ".join(sorted(unknown))}
                }
            )
        if self.assessed_on and self.assessed_on > timezone.localdate():
            raise ValidationError({"assessed_on": gettext("An assessment cannot be dated in the future.")})
        if self.decision == self.Decision.SAFE and self.threats:
            raise ValidationError(
                {
                    "decision": gettext(
                        "A child with a safety threat is not safe: choose conditionally safe or unsafe."
                    )
                }
            )
        if self.decision in (self.Decision.CONDITIONALLY_SAFE, self.Decision.UNSAFE) and not self.threats:
            raise ValidationError({"threats": gettext("Name the safety threats that lead to this decision.")})
        if self.Threat.OTHER in self.threats and not self.threats_note.strip():
            raise ValidationError({"threats_note": gettext("Describe the other threat.")})


class SafetyPlan(Recorded):
    """What will keep the child safe at home while threats remain, who does it, how it is watched."""

    assessment = models.OneToOneField(SafetyAssessment, on_delete=models.PROTECT, related_name="plan")
    monitoring = models.TextField(
        help_text=gettext_lazy("How and how often the worker checks the plan is working.")
    )
    review_on = models.DateField("review the plan on")

    def __str__(self) -> str:
        return gettext("Safety plan of %(assessment)s") % {"assessment": self.assessment}


class SafetyPlanAction(Timestamped):
    """One action in a safety plan and who is responsible for it."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=255)
    responsible_person = optional_key("people.Person")
    responsible_name = models.CharField(
        "or someone not on record",
        max_length=150,
        blank=True,
        help_text="For example: 'Health visitor', 'Neighbour (Mrs Patel)'.",
    )
    when = models.CharField(
        max_length=150, blank=True, help_text=gettext_lazy("For example: 'every evening', 'by Friday'.")
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.action

    @property
    def responsible(self) -> str:
        return str(self.responsible_person) if self.responsible_person_id else self.responsible_name

    def clean(self) -> None:
        if not self.responsible_person_id and not self.responsible_name.strip():
            raise ValidationError({"responsible_person": gettext("Say who is responsible for this action.")})
