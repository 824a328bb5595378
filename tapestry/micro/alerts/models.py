"""Client alerts that are kept until someone resolves them (suicide risk, worker-raised concerns)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.access.models import Segment
from tapestry.web.models import Timestamped, optional_key


class AlertKind(models.TextChoices):
    """Every kind of alert a client page shows; the first three are stored, the rest read from live records."""

    SUICIDE_RISK = "suicide_risk", gettext_lazy("Suicide risk")
    HOME_VISIT_SAFETY = "home_visit_safety", gettext_lazy("Safety concern for home visits")
    LEGAL_HOLD = "legal_hold", gettext_lazy("Legal hold")
    SAFETY_PLAN = "safety_plan", gettext_lazy("Safety plan in force")
    INTERPRETER = "interpreter", gettext_lazy("Interpreter needed")
    PART2 = "part2", gettext_lazy("Substance use record (42 CFR Part 2)")
    SCHOOL = "school", gettext_lazy("School record (FERPA)")


STORED_KINDS = (AlertKind.SUICIDE_RISK, AlertKind.HOME_VISIT_SAFETY, AlertKind.LEGAL_HOLD)
# Kinds a worker raises by hand; suicide risk is raised only by a screen or a risk assessment.
RAISED_BY_HAND = (AlertKind.HOME_VISIT_SAFETY, AlertKind.LEGAL_HOLD)


class AlertSource(models.TextChoices):
    SCREEN = "assessment", gettext_lazy("Standardised screen")
    RISK_ASSESSMENT = "risk_assessment", gettext_lazy("Risk assessment")
    WORKER = "worker", gettext_lazy("Raised by a worker")


class ClientAlert(Timestamped):
    """An alert about a person that stays until resolved with a reason; nothing clears it silently."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="alerts")
    case = optional_key("cases.Case", related_name="alerts")
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    # The segment of the case the source sits in: only users granted it see the alert.
    segment = models.CharField(max_length=32, choices=Segment.choices, blank=True)
    reason = models.TextField(
        help_text=gettext_lazy("Why the alert was raised, in words the next reader can judge.")
    )
    source = models.CharField(max_length=20, choices=AlertSource.choices)
    source_id = models.PositiveIntegerField(null=True, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolution_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        indexes = [models.Index(fields=["person", "resolved_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | ~Q(resolution_reason=""),
                name="alert_resolved_with_reason",
            ),
            # A screen or a risk assessment raises at most one alert, however often the hook runs.
            models.UniqueConstraint(
                fields=["source", "source_id", "kind"],
                condition=Q(source_id__isnull=False),
                name="one_alert_per_source",
            ),
        ]

    def __str__(self) -> str:
        state = "resolved" if self.resolved_at else "open"
        return f"{self.get_kind_display()} ({state}), raised {self.raised_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
