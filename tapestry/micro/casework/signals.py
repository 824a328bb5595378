"""Keeps each note's effective segment in step with its case when the case moves segment."""

from __future__ import annotations

from typing import Any

from tapestry.micro.casework.models import ProgressNote


def note_segments_follow_case(sender: type, instance: Any, created: bool, **kwargs: Any) -> None:
    """A note without its own segment is read under its case's; a case moved to a segment takes its notes."""
    update_fields = kwargs.get("update_fields")
    if created or (update_fields is not None and "segment" not in update_fields):
        return
    ProgressNote.objects.filter(case=instance, segment="").exclude(effective_segment=instance.segment).update(
        effective_segment=instance.segment
    )
