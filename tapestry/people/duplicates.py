"""Duplicate-person detection at intake: fuzzy names and aliases, date of birth, phone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext
from rapidfuzz import fuzz

from tapestry.people.blocking import CANDIDATE_LIMIT, blocked
from tapestry.people.models import ContactPoint, Person, PersonAlias, normalise_contact, normalise_name

NAME_CUTOFF = 70.0


@dataclass
class Candidate:
    person_id: int
    score: float
    reasons: list[str] = field(default_factory=list)


def _dob_similarity(a: date | None, b: date | None) -> tuple[float, str]:
    if a is None or b is None:
        return 0.5, ""
    if a == b:
        return 1.0, gettext("same date of birth")
    if a.year == b.year and a.month == b.day and a.day == b.month:
        return 0.8, gettext("date of birth with day and month swapped")
    if a.month == b.month and a.day == b.day and abs(a.year - b.year) == 1:
        return 0.6, gettext("date of birth one year apart")
    return 0.0, ""


def _birth_dates_near(born: date | None) -> list[date]:
    """The birth dates `_dob_similarity` counts as close: the same, day and month swapped, a year apart."""
    if born is None:
        return []
    near = [born]
    for year, month, day in (
        (born.year, born.day, born.month),
        (born.year - 1, born.month, born.day),
        (born.year + 1, born.month, born.day),
    ):
        try:
            near.append(date(year, month, day))
        except ValueError:  # no 13th month, no 29 February that year
            continue
    return near


def find_duplicates(
    *,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    phones: Iterable[str] = (),
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[Candidate]:
    """Likely duplicates among all active persons, best first.

    Runs over every person, not only the ones the caller may see: a duplicate is most
    dangerous exactly when it sits in another worker's caseload. Callers decide what to show.
    The database blocks the candidates (names and other names that could match, by prefix and on
    PostgreSQL by trigram; persons born on the same day, the day and month swapped or a year
    apart; the same phone) and rapidfuzz scores only those, so the check reads a few hundred rows
    whatever the number of persons.
    """
    wanted = normalise_name(f"{given_name} {family_name}")
    active = Person.objects.active()
    rows = list(blocked(active, wanted).values_list("pk", "given_name", "family_name")[:CANDIDATE_LIMIT])
    births = _birth_dates_near(date_of_birth)
    if births:
        born = active.filter(date_of_birth__in=births).order_by("pk")
        rows += born.values_list("pk", "given_name", "family_name")[:CANDIDATE_LIMIT]
    names = [(pk, normalise_name(f"{given} {family}")) for pk, given, family in rows]
    aliases = blocked(PersonAlias.objects.filter(person__merged_into__isnull=True), wanted)
    names += [
        (pk, normalise_name(alias))
        for pk, alias in aliases.values_list("person_id", "name")[:CANDIDATE_LIMIT]
    ]

    name_scores: dict[int, float] = defaultdict(float)
    for pk, name in names:
        score = fuzz.token_sort_ratio(wanted, name)
        if score >= NAME_CUTOFF:
            name_scores[pk] = max(name_scores[pk], score)

    phone_digits = {normalise_contact(ContactPoint.Kind.PHONE, p) for p in phones if p.strip()}
    phone_digits.discard("")
    phone_matches: set[int] = set()
    if phone_digits:
        phone_matches = set(
            ContactPoint.objects.filter(
                kind=ContactPoint.Kind.PHONE, normalised__in=phone_digits, person__merged_into__isnull=True
            ).values_list("person_id", flat=True)
        )

    ids = (set(name_scores) | phone_matches) - {exclude_id}
    births = dict(Person.objects.filter(pk__in=ids).values_list("pk", "date_of_birth"))
    candidates = []
    for pk in ids:
        name = name_scores.get(pk, 0.0)
        dob, dob_reason = _dob_similarity(date_of_birth, births.get(pk))
        phone = pk in phone_matches
        score = 0.6 * name + 30 * dob + (25 if phone else 0)
        likely = (name >= 85 and dob >= 0.5) or (name >= 75 and dob >= 0.8) or (phone and name >= 60)
        if not likely:
            continue
        reasons = [gettext("name %(score)s%% similar") % {"score": f"{name:.0f}"}] if name else []
        reasons += [dob_reason] if dob_reason else []
        reasons += [gettext("same phone number")] if phone else []
        candidates.append(Candidate(pk, round(min(score, 100.0), 1), reasons))
    candidates.sort(key=lambda c: (-c.score, c.person_id))
    return candidates[:limit]


def pair_likeness(
    *, name_a: str, birth_a: date | None, name_b: str, birth_b: date | None
) -> Candidate | None:
    """Whether two known persons are likely the same, by the same rule as `find_duplicates` (without
    phones); the Candidate carries no person (0), its score and reasons. None when not likely."""
    name = fuzz.token_sort_ratio(normalise_name(name_a), normalise_name(name_b))
    dob, dob_reason = _dob_similarity(birth_a, birth_b)
    if not ((name >= 85 and dob >= 0.5) or (name >= 75 and dob >= 0.8)):
        return None
    reasons = [gettext("name %(score)s%% similar") % {"score": f"{name:.0f}"}] + (
        [dob_reason] if dob_reason else []
    )
    return Candidate(0, round(min(0.6 * name + 30 * dob, 100.0), 1), reasons)
