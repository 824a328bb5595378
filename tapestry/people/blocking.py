"""Blocking: the few hundred rows that could match a typed name, found by the database, so that
rapidfuzz scores only those (person search and the intake duplicate check).

On both engines a name word must begin with a query word's first two letters (an index-friendly
prefix test on `search_name`); on PostgreSQL pg_trgm similarity through GIN indexes also lets in
names with a typo early on, and ranks what the cap keeps (people migration 0002 makes the indexes).
"""

from __future__ import annotations

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value

# How many candidates each source may bring before scoring.
CANDIDATE_LIMIT = 500


class _TrigramSimilar(Func):
    """`query % column`: pg_trgm similarity above its threshold, answered from the GIN index."""

    arg_joiner = " %% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class _TrigramWordSimilar(Func):
    """`word <% column`: the word is like some part of the column (pg_trgm word similarity)."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _prefix_match(words: list[str]) -> Q:
    """A name word beginning with the first two letters of a query word (a typo after them is scored)."""
    match = Q(pk__in=[])
    for word in words:
        match |= Q(search_name__startswith=word[:2]) | Q(search_name__contains=f" {word[:2]}")
    return match


def blocked(queryset: QuerySet, query: str) -> QuerySet:
    """The rows of `queryset` (with a `search_name`) that could match `query`, likeliest first."""
    words = [word for word in query.split() if len(word) >= 2]
    if connection.vendor != "postgresql":
        return queryset.filter(_prefix_match(words))
    # pg_trgm answers `%`, `<%` and LIKE from the GIN index; word similarity ranks what the cap keeps.
    match = Q(_TrigramSimilar(Value(query), F("search_name"))) | _prefix_match(words)
    for word in words:
        match |= Q(_TrigramWordSimilar(Value(word), F("search_name")))
    likeness = TrigramWordSimilarity(Value(query), F("search_name"))
    return queryset.filter(match).annotate(likeness=likeness).order_by("-likeness", "pk")
