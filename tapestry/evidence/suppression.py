"""Small-cell suppression: a count below the threshold is never shown, nor left recoverable.

DESIGN rule 5. A table of counts with a shown total is suppressed in two passes: primary (each
count from 1 to threshold-1 is hidden; zero is shown, as it tells of no one) and complementary
(if exactly one cell of a row is hidden while the total is shown, the next smallest cell is hidden
too, so the hidden one cannot be had by subtraction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings


def threshold() -> int:
    return settings.TAPESTRY_SUPPRESSION_THRESHOLD


@dataclass(frozen=True)
class Cell:
    """One count as it may be shown: `value` is None when suppressed."""

    label: str
    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return f"<{threshold()}" if self.value is None else str(self.value)


def is_small(count: int) -> bool:
    return 0 < count < threshold()


def suppress_count(label: str, count: int) -> Cell:
    """A lone count (a total, a headcount): hidden when small."""
    return Cell(label, None if is_small(count) else count)


def suppress_table(
    counts: Mapping[str, int] | Iterable[tuple[str, int]], *, hide: Iterable[str] = ()
) -> tuple[list[Cell], Cell]:
    """The cells of one breakdown and its total, with primary and complementary suppression.

    The total is itself suppressed when small; then every cell is too (a breakdown of a
    hidden total would give it back). `hide` names cells to hide whatever their count: cells that
    another table shown beside this one would give away (see `cases.by_place`).
    """
    items = list(counts.items()) if isinstance(counts, Mapping) else list(counts)
    total = suppress_count("Total", sum(count for _, count in items))
    if total.suppressed:
        return [Cell(label, None if count else 0) for label, count in items], total
    hidden = {label for label, count in items if is_small(count)} | set(hide)
    if len(hidden) == 1:
        # One hidden cell and a shown total: hide the next smallest non-zero cell as well.
        others = sorted((count, label) for label, count in items if label not in hidden and count > 0)
        if others:
            hidden.add(others[0][1])
    return [Cell(label, None if label in hidden else count) for label, count in items], total


def hidden_together(counts: Iterable[tuple[str, int]]) -> set[str]:
    """The labels to hide in one breakdown whose cells split no other shown number: the small cells
    and, while those together are small, the next smallest, so that the total less the cells shown
    (a number anyone can work out, and may know from another page) is never a small count.

    Pass it as `suppress_table`'s `hide` (through `RowsHiding`, for a measure).
    """
    items = list(counts)
    hidden = {label for label, count in items if is_small(count)}
    others = sorted((count, n) for n, (label, count) in enumerate(items) if count and label not in hidden)
    while is_small(sum(count for label, count in items if label in hidden)) and others:
        hidden.add(items[others.pop(0)[1]][0])
    return hidden
