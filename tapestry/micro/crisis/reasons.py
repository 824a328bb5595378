"""The reason a risk assessment gives the suicide-risk alert it raises: stored in English, shown in the
reader's language (the level and date are fixed words; the factors after them are the worker's own)."""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext, gettext_noop

from tapestry.micro.crisis.models import RiskLevel

RISK_REASON = gettext_noop("Risk assessment on %(date)s: suicide risk %(level)s.")
_STORED = re.compile(r"^Risk assessment on (\d{4}-\d{2}-\d{2}): suicide risk ([a-z]+)\.(.*)$", re.DOTALL)


def risk_reason(assessed_on: date, level: str, factors: str) -> str:
    """The stored reason, in English: the level is its value ('high'), the factors follow as written."""
    text = RISK_REASON % {"date": f"{assessed_on:%Y-%m-%d}", "level": level}
    return f"{text} {factors}" if factors else text


def shown_reason(reason: str) -> str:
    """A stored reason in the active language when it is a risk assessment's; any other as stored."""
    found = _STORED.match(reason)
    if found is None or found.group(2) not in RiskLevel.values:
        return reason
    level = str(RiskLevel(found.group(2)).label).lower()
    return (gettext(RISK_REASON) % {"date": found.group(1), "level": level}) + found.group(3)
