"""The shape every top-level child-welfare record shares: its case, its own segment, its version."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tapestry.access.models import Segment
from tapestry.web.models import Versioned


def recorder_column() -> models.ForeignKey:
    """Who recorded a record: set by the service, never by a form; kept (as empty) when the account is removed."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Recorded(Versioned):
    """A versioned child-welfare record and who recorded it (set by the service, never by a form)."""

    created_by = recorder_column()

    class Meta:
        abstract = True


class SegmentedRecord(Recorded):
    """A top-level child-welfare record: it lives on a case (`case`) and carries its own segment.

    The segment is stored on the record itself, not only read from the case, so a case whose
    segment is later changed cannot expose what was recorded under child welfare.
    """

    segment = models.CharField(
        max_length=32, choices=Segment.choices, default=Segment.CHILD_WELFARE, editable=False
    )

    class Meta:
        abstract = True
