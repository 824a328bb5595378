"""Case numbers in the person search: a whole case number, or its beginning, finds that case."""

from __future__ import annotations

import re

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.micro.cases.selectors import cases_visible
from tapestry.people.search import RecordHit

# "C-000123", "c-123", "C 0001", "C000123": a case number or its leading digits.
CASE_NUMBER = re.compile(r"^\s*c[\s-]?(\d{1,9})\s*$", re.IGNORECASE)
NUMBER_DIGITS = 6  # Case.number pads the key to six digits
HIT_LIMIT = 20


def number_match(digits: str) -> Q:
    """Cases whose number is C-<digits> or begins with it; both are ranges of the primary key.

    The number derives from the key, so a B-tree range on the key is the index: "0001" is
    C-000100 to C-000199, and "123" is the case 123 itself as well as C-123000 to C-123999.
    """
    value = int(digits)
    match = Q(pk=value)
    if len(digits) <= NUMBER_DIGITS:
        scale = 10 ** (NUMBER_DIGITS - len(digits))
        match |= Q(pk__gte=value * scale, pk__lt=(value + 1) * scale)
    return match


def search_hits(*, user: User, query: str) -> list[RecordHit]:
    """Visible cases whose number is, or begins with, what was typed (at most HIT_LIMIT), exact first."""
    found = CASE_NUMBER.match(query)
    if not found:
        return []
    digits = found.group(1)
    rows = cases_visible(user).filter(number_match(digits)).order_by("pk").values_list("pk", "person_id")
    exact = int(digits)
    hits = []
    for pk, person_id in sorted(rows[:HIT_LIMIT], key=lambda row: (row[0] != exact, row[0])):
        number = f"C-{pk:06d}"
        reason = (
            gettext("case number %(number)s")
            if pk == exact
            else gettext("case number %(number)s begins with it")
        ) % {"number": number}
        url = reverse("cases:case_detail", args=[pk])
        hits.append(RecordHit(person_id, number, url, reason, score=102.0 if pk == exact else 101.0))
    return hits
