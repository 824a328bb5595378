"""Template filters for the people named in child-welfare records, by the access policy's naming rule."""

from __future__ import annotations

from django import template

from tapestry.micro.child_welfare.models import Placement
from tapestry.micro.child_welfare.selectors import placement_carer_text

register = template.Library()


@register.filter
def carer(placement: Placement) -> str:
    """The placement's carer: named only if the viewer may open them, else 'the foster carer outside...'."""
    return placement_carer_text(placement)
