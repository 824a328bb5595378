"""The shape every top-level child-welfare record shares: its case, its own segment, its version."""

from __future__ import annotations

from django.db import models

from tapestry.access.models import Segment
from tapestry.web.models import Versioned, staff_column


class Recorded(Versioned):
    """A versioned child-welfare record and who recorded it (set by the service, never by a form)."""

    created_by = staff_column(blank=True, editable=False)

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
