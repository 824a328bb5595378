"""Which way is better on each instrument a group may measure its members with.

The micro instrument definitions carry no direction, so the assumption is stated here, once,
per instrument. Only severity scores worth comparing before and after are offered: the
C-SSRS screen (a risk triage) and the social-needs screen (a count of needs) are left out.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from tapestry.micro.assessments.instruments import INSTRUMENTS, Instrument

LOWER = "lower"
HIGHER = "higher"

# Instrument code -> which direction of change is an improvement, and why we say so.
DIRECTION: dict[str, tuple[str, Promise]] = {
    "phq-9": (LOWER, gettext_lazy("A lower total means fewer depression symptoms.")),
    "phq-2": (LOWER, gettext_lazy("A lower total means fewer depression symptoms.")),
    "gad-7": (LOWER, gettext_lazy("A lower total means fewer anxiety symptoms.")),
    "audit-c": (LOWER, gettext_lazy("A lower total means less hazardous drinking.")),
    "dast-10": (LOWER, gettext_lazy("A lower total means fewer problems from drug use.")),
}


def outcome_instruments() -> list[Instrument]:
    """The instruments a group may choose, in the micro catalogue's order."""
    return [instrument for code, instrument in INSTRUMENTS.items() if code in DIRECTION]


def lower_is_better(code: str) -> bool:
    return DIRECTION[code][0] == LOWER


def improved(code: str, pre: int, post: int) -> bool:
    return post < pre if lower_is_better(code) else post > pre
