"""Texts an indicator page shows from English it is given: a measure's words and why a value is hidden."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from tapestry.evidence.grid import reason_text

register = template.Library()


@register.filter
def measure_text(text: str) -> str:
    """A measure's title, unit or note (marked where the measure is defined), in the reader's language."""
    return gettext(text) if text else ""


@register.filter
def hidden_reason(why: str) -> str:
    """Why a value is hidden, in the reader's language."""
    return reason_text(why) if why else ""
