"""Forgiving person search: fuzzy names and other names (as intake's duplicate check), phone, case number.

Two steps, so it stays fast at a million persons: the database blocks a few hundred candidates
(a name word starting with a query word's first two letters on both engines; on PostgreSQL also
pg_trgm similarity through GIN indexes, which ranks what the cap keeps), then
rapidfuzz scores them in Python with the duplicate check's measure. An app may add hits of its own
(the cases app: case numbers) through a `search_hits.py` module with `search_hits(user=, query=)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext
from rapidfuzz import fuzz

from tapestry.access.models import User
from tapestry.extensions import app_modules
from tapestry.people.blocking import CANDIDATE_LIMIT, blocked
from tapestry.people.duplicates import NAME_CUTOFF
from tapestry.people.models import ContactPoint, Person, PersonAlias, normalise_name

# How many results are kept.
RESULT_LIMIT = 200


@dataclass
class RecordHit:
    """A record another app found for the query, pointing at its person (a case by its number)."""

    person_id: int
    label: str
    url: str
    reason: str
    # Above any name's 100, so a case number puts its person first; an exact number above a prefix.
    score: float = 101.0


@dataclass
class PersonHit:
    """A person the search found: how well, why, and which records of theirs matched."""

    person_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    records: list[RecordHit] = field(default_factory=list)

    def add(self, score: float, reason: str) -> None:
        self.score = max(self.score, score)
        if reason not in self.reasons:
            self.reasons.append(reason)


def name_score(query: str, name: str) -> float:
    """How well a typed query matches a normalised name, 0-100.

    The duplicate check's token_sort_ratio over the whole name, or, for a query of fewer words
    than the name ("smth", "jon smth"), the mean over query words of each one's best match among
    the name's words, where a word the name's word starts with counts as a full match.
    """
    whole = fuzz.token_sort_ratio(query, name)
    name_words = name.split()
    if not name_words:
        return whole
    per_word = []
    for word in query.split():
        best = max(100.0 if each.startswith(word) else fuzz.ratio(word, each) for each in name_words)
        per_word.append(best)
    return max(whole, sum(per_word) / len(per_word)) if per_word else whole


def person_search(*, user: User, persons: QuerySet[Person], query: str) -> list[PersonHit]:
    """Persons among `persons` (the caller's visible set) matching `query`, best first, with why."""
    wanted = normalise_name(query)
    hits: dict[int, PersonHit] = {}

    def hit(person_id: int) -> PersonHit:
        return hits.setdefault(person_id, PersonHit(person_id, 0.0))

    if wanted:
        rows = blocked(persons, wanted).values_list(
            "pk", "given_name", "preferred_name", "family_name", "search_name"
        )[:CANDIDATE_LIMIT]
        for pk, given, preferred, family, search_name in rows:
            score = max(
                name_score(wanted, normalise_name(f"{given} {family}")),
                name_score(wanted, normalise_name(f"{preferred} {family}")) if preferred else 0.0,
                name_score(wanted, search_name),
            )
            if score >= NAME_CUTOFF:
                shown = f"{preferred or given} {family}"
                hit(pk).add(
                    score,
                    gettext("name matches")
                    if score == 100
                    else gettext("name %(score)s%% like “%(name)s”")
                    % {"score": f"{score:.0f}", "name": shown},
                )
        aliases = blocked(PersonAlias.objects.filter(person__in=persons.values("pk")), wanted)
        for pk, name, search_name in aliases.values_list("person_id", "name", "search_name")[
            :CANDIDATE_LIMIT
        ]:
            score = name_score(wanted, search_name)
            if score >= NAME_CUTOFF:
                hit(pk).add(
                    score,
                    gettext("other name “%(name)s”") % {"name": name}
                    if score == 100
                    else gettext("other name “%(name)s” %(score)s%% like")
                    % {"name": name, "score": f"{score:.0f}"},
                )

    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) >= 4 and not any(ch.isalpha() for ch in query):
        phones = ContactPoint.objects.filter(person__in=persons.values("pk"), normalised__contains=digits)
        for pk in phones.values_list("person_id", flat=True)[:CANDIDATE_LIMIT]:
            hit(pk).add(100.0, gettext("phone number"))

    for module in app_modules("search_hits"):
        for record in module.search_hits(user=user, query=query):
            found = hit(record.person_id)
            found.add(record.score, record.reason)
            found.records.append(record)

    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.person_id))
    return ranked[:RESULT_LIMIT]
