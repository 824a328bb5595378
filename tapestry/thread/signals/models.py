"""Escalation signals: what the rule found in one period, and what a supervisor or program manager
made of it (a draft group, a planning campaign, or a dismissal with its reason).

A signal holds counts only, never a person or a case: the area, the need, barrier or service type,
the period, the counts observed and expected, the test's p-value and q-value, and the counts of the
previous periods.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tapestry.web.models import optional_key, staff_column


class Signal(models.Model):
    class Kind(models.TextChoices):
        NEED_CLUSTER = "need_cluster", _("Cluster of unmet needs")
        UNANSWERED = "unanswered_referrals", _("Unanswered referrals")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    class Response(models.TextChoices):
        MEZZO = "mezzo", _("Start a group (mezzo)")
        MACRO = "macro", _("Start a campaign (macro)")

    # What is tested, one row per finding: kind, area, need or barrier (or service type), period.
    key = models.CharField(max_length=120, unique=True, editable=False)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    area = optional_key("places.Area", related_name="signals")
    need = optional_key("needs.Need", related_name="signals", help_text=_("The need, or the service type."))
    barrier = optional_key("needs.Barrier", related_name="signals")
    period_unit = models.CharField(max_length=10, default="quarter")
    period_label = models.CharField(max_length=10)
    period_start = models.DateField()
    period_end = models.DateField(help_text=_("The first day after the period."))
    observed = models.PositiveIntegerField()
    expected = models.FloatField()
    sent = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Referrals sent (unanswered kind).")
    )
    baseline_total = models.PositiveIntegerField(default=0)
    p_value = models.FloatField()
    q_value = models.FloatField()
    # The previous periods' counts, oldest first: [[label, count], ...].
    trend = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    response = models.CharField(max_length=6, choices=Response.choices, blank=True)
    dismiss_reason = models.TextField(blank=True)
    decided_by = staff_column(editable=False)
    decided_at = models.DateTimeField(null=True, blank=True)
    group = optional_key("groups.Group", related_name="signals")
    campaign = optional_key("campaigns.Campaign", related_name="signals")
    found_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "q_value", "pk"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return gettext("%(subject)s in %(where)s, %(period)s") % {
            "subject": self.subject,
            "where": self.where,
            "period": self.period_label,
        }

    @property
    def subject(self) -> str:
        if self.kind == self.Kind.UNANSWERED:
            if self.need:
                return gettext("Unanswered referrals to %(need)s services") % {"need": self.need.label}
            return gettext("Unanswered referrals to a service type services")
        if self.barrier_id:
            return gettext("Unmet needs held back by %(barrier)s") % {"barrier": self.barrier.label.lower()}
        return gettext("Unmet need: %(need)s") % {"need": self.need.label if self.need else ""}

    @property
    def where(self) -> str:
        return self.area.name if self.area_id else gettext("the whole agency")
