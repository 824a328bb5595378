"""What the sign-in page may promise: the second step is asked for unless the demo skips it."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def second_factor_asked() -> bool:
    """False only in the demo (TAPESTRY_DEMO_OTP_BYPASS), which production settings refuse."""
    return not settings.TAPESTRY_DEMO_OTP_BYPASS
