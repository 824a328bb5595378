"""The `tel` filter: a phone number shown as a link that dials it on a phone (`tel:`)."""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# Letters in a number ("1-800-FLOWERS") are left out of the link rather than guessed.
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*(\d+)\s*$", re.I)


def tel_uri(number: str, extension: str = "") -> str:
    """The RFC 3966 form of a number as written: digits and a leading +, then ;ext= if any."""
    text = str(number or "")
    found = _EXTENSION.search(text)
    if found:
        extension = extension or found.group(1)
        text = text[: found.start()]
    digits = re.sub(r"[^\d+]", "", text)
    digits = digits[:1] + digits[1:].replace("+", "")
    if not re.search(r"\d{3}", digits):
        return ""
    return f"tel:{digits}" + (f";ext={extension}" if extension else "")


@register.filter
def tel(number: object) -> SafeString | str:
    """`{{ contact.phone|tel }}`: the number as written, linked to dial it; text unchanged if it has no digits."""
    text = str(number or "")
    uri = tel_uri(text, str(getattr(number, "extension", "") or ""))
    if not uri:
        return text
    return format_html('<a class="tel nowrap" href="{}">{}</a>', uri, text)
