"""k-anonymity by full-domain generalisation with bounded suppression (Samarati 2001; Sweeney 2002).

Each quasi-identifier has a hierarchy of levels, from the value as recorded to fully suppressed
("*"). A node of the lattice picks one level per quasi-identifier; every record is generalised to
that node, records fall into equivalence classes (equal generalised quasi-identifiers), and a class
shared by fewer than k distinct persons is suppressed (its records removed). The search walks the
lattice by height (the sum of the levels), lowest first, and takes the first height where some
node suppresses at most the allowed share of records; at that height it takes the node that
suppresses fewest (ties: the node listed first, which generalises the later fields of the
catalogue first). Every node is evaluated, not a binary search over heights, so the answer does
not lean on monotonicity; the lattice of the catalogue has at most a few thousand nodes.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

SUPPRESSED = "*"
NOT_RECORDED = "not recorded"
# A confidential (shelter or safe) address: never shared, at any level.
WITHHELD = "confidential address"


@dataclass(frozen=True)
class Hierarchy:
    """How one quasi-identifier generalises: the name of each level, and the function to a level."""

    levels: tuple[str, ...]
    generalise: Callable[[Any, int], str]

    @property
    def top(self) -> int:
        return len(self.levels) - 1

    def at(self, value: Any, level: int) -> str:
        if level >= self.top:
            return SUPPRESSED
        return self.generalise(value, level)


def _band(value: int, width: int) -> str:
    low = value - value % width
    return f"{low}-{low + width - 1}"


def _age(value: int | None, level: int) -> str:
    if value is None:
        return NOT_RECORDED
    if value >= 90:  # HIPAA Safe Harbor: ages over 89 go into one group at every level
        return "90+"
    return (str(value), _band(value, 5), _band(value, 10), _band(value, 20))[level]


def _text(value: str | None, level: int) -> str:
    return (value or "").strip().lower() or NOT_RECORDED


def _language(value: str | None, level: int) -> str:
    language = (value or "").strip().lower()
    if not language:
        return NOT_RECORDED
    if level == 0:
        return language
    return "english" if language == "english" else "another language"


def _place(value: tuple[str, str] | None, level: int) -> str:
    postcode, area = value or ("", "")
    if postcode == WITHHELD:
        return WITHHELD
    if not postcode:
        return NOT_RECORDED
    if level == 0:
        return postcode
    if level == 1:
        return postcode[:3] + "**"
    return area or "unplaced"


def _household(value: int | None, level: int) -> str:
    if value is None:
        return NOT_RECORDED
    if level == 0:
        return str(value)
    return "1" if value <= 1 else "2" if value == 2 else "3-4" if value <= 4 else "5+"


def _month(value: dt.date | None, level: int) -> str:
    if value is None:
        return NOT_RECORDED
    quarter = (value.month - 1) // 3 + 1
    return (f"{value:%Y-%m}", f"{value.year}-Q{quarter}", str(value.year))[level]


def _year(value: dt.date | None, level: int) -> str:
    return NOT_RECORDED if value is None else str(value.year)


AGE = Hierarchy(("years", "5-year band", "10-year band", "20-year band", "suppressed"), _age)
GENDER = Hierarchy(("as recorded", "suppressed"), _text)
LANGUAGE = Hierarchy(("language", "English or another language", "suppressed"), _language)
PLACE = Hierarchy(("postcode", "first 3 digits", "area", "suppressed"), _place)
HOUSEHOLD = Hierarchy(("size", "1, 2, 3-4, 5+", "suppressed"), _household)
DATE_MONTH = Hierarchy(("month", "quarter", "year", "suppressed"), _month)
DATE_YEAR = Hierarchy(("year", "suppressed"), _year)


@dataclass
class Outcome:
    """What the search chose and did; `kept` are the indices of the records that stay."""

    k: int
    levels: dict[str, int]
    level_names: dict[str, str]
    kept: list[int]
    suppressed: int
    classes: int
    smallest_class: int  # distinct persons in the smallest class kept (0 when none is kept)
    within_limit: bool
    values: dict[str, list[str]] = field(default_factory=dict)


def _classes(keys: Sequence[tuple], persons: Sequence[Any]) -> dict[tuple, set]:
    found: dict[tuple, set] = defaultdict(set)
    for key, person in zip(keys, persons, strict=True):
        found[key].add(person)
    return found


def anonymise(
    *,
    persons: Sequence[Any],
    quasi: dict[str, tuple[Hierarchy, Sequence[Any]]],
    k: int,
    max_suppressed_share: float,
) -> Outcome:
    """Find the generalisation of the quasi-identifiers (name -> (hierarchy, raw values)) that makes
    every class hold at least k of `persons` (one entry per record) with the least generalisation,
    suppressing at most `max_suppressed_share` of the records; records of smaller classes go."""
    names = list(quasi)
    count = len(persons)
    # Each field's values at each of its levels, computed once for the whole search.
    table = {
        name: [[h.at(v, level) for v in values] for level in range(h.top + 1)]
        for name, (h, values) in quasi.items()
    }
    allowed = int(max_suppressed_share * count)
    nodes = sorted(
        itertools.product(*(range(quasi[name][0].top + 1) for name in names)), key=lambda node: sum(node)
    )

    def keys_at(node: tuple[int, ...]) -> list[tuple]:
        columns = [table[name][level] for name, level in zip(names, node, strict=True)]
        return list(zip(*columns, strict=True)) if columns else [()] * count

    def suppressed_at(keys: list[tuple]) -> tuple[int, dict[tuple, set]]:
        classes = _classes(keys, persons)
        small = {key for key, members in classes.items() if len(members) < k}
        return sum(1 for key in keys if key in small), classes

    best: tuple[int, tuple[int, ...]] | None = None
    for node in nodes:
        if best is not None and sum(node) > sum(best[1]):
            break
        suppressed, _ = suppressed_at(keys_at(node))
        if suppressed <= allowed and (best is None or suppressed < best[0]):
            best = (suppressed, node)
    within = best is not None
    # When no node keeps the suppression within the limit, the most general one suppresses what it must.
    node = best[1] if best is not None else tuple(quasi[name][0].top for name in names)
    keys = keys_at(node)
    suppressed, classes = suppressed_at(keys)
    kept_classes = {key: members for key, members in classes.items() if len(members) >= k}
    kept = [i for i, key in enumerate(keys) if key in kept_classes]
    return Outcome(
        k=k,
        levels=dict(zip(names, node, strict=True)),
        level_names={name: quasi[name][0].levels[level] for name, level in zip(names, node, strict=True)},
        kept=kept,
        suppressed=suppressed,
        classes=len(kept_classes),
        smallest_class=min((len(m) for m in kept_classes.values()), default=0),
        within_limit=within,
        values={name: table[name][level] for name, level in zip(names, node, strict=True)},
    )
