"""Supervision sessions held with a worker, and duplicate pairs a supervisor judged not the same person."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.web.models import Timestamped, staff_column


class SupervisionSession(Timestamped):
    """One supervision session a supervisor held with a worker, and when the next one falls due."""

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervision_sessions"
    )
    supervisor = staff_column()
    held_on = models.DateField(default=timezone.localdate)
    next_due_on = models.DateField(help_text=gettext_lazy("When the next supervision session is due."))

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["worker", "next_due_on"])]

    def __str__(self) -> str:
        return f"Supervision of {self.worker} on {self.held_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.next_due_on and self.held_on and self.next_due_on <= self.held_on:
            raise ValidationError({"next_due_on": gettext("The next session must come after this one.")})


class DuplicateDismissal(Timestamped):
    """Two person records a supervisor looked at and judged not the same person: the pair is not offered again."""

    # Stored lower number first, so a pair has one row whichever way round it was dismissed.
    first = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    dismissed_by = staff_column()
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_dismissal_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="dismissal_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"Records {self.first_id} and {self.second_id}: not the same person"
