"""A client's story for advocacy: told under their consent, scrubbed of identifiers, reviewed before use."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tapestry.web.models import Versioned, staff_column


class Story(Versioned):
    """One story, as the worker wrote it (`original_text`, for the case team only) and as anyone
    outside the case reads it (`scrubbed_text`, with `spans`: what was replaced, as offsets into the
    original, and `marks`: the same replacements as offsets into the scrubbed text)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting review")
        APPROVED = "approved", _("Approved for advocacy")
        RETURNED = "returned", _("Returned to the worker")
        WITHDRAWN = "withdrawn", pgettext_lazy("story status", "Withdrawn")

    # While a story is in one of these, the worker may still change its text.
    EDITABLE = (Status.PROPOSED, Status.RETURNED)

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="stories")
    needs = models.ManyToManyField("needs.Need", related_name="stories", blank=True)
    title = models.CharField(max_length=200, help_text=_("A short title that names no one."))
    original_text = models.TextField()
    scrubbed_text = models.TextField()
    spans = models.JSONField(
        default=list, blank=True, help_text=_("What the scrubber replaced: offsets into the original.")
    )
    marks = models.JSONField(
        default=list, blank=True, help_text=_("The same replacements: offsets into the scrubbed text.")
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    return_reason = models.TextField(blank=True)
    consent = models.ForeignKey("access.Consent", on_delete=models.PROTECT, related_name="stories")
    proposed_by = staff_column()
    proposed_at = models.DateTimeField(default=timezone.now)
    reviewed_by = staff_column(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name_plural = "stories"
        indexes = [models.Index(fields=["status", "proposed_at"])]

    def __str__(self) -> str:
        return f"Story: {self.title} ({self.get_status_display().lower()})"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE
