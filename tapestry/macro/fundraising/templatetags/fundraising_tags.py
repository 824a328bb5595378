"""The suppression threshold, for "fewer than N" beside a hidden count."""

from __future__ import annotations

from django import template

from tapestry.evidence.suppression import threshold

register = template.Library()


@register.simple_tag
def suppression_threshold() -> int:
    return threshold()
