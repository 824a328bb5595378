"""The grid's promise, checked on many random grids: no sum is left with exactly one unknown, and
the hidden cells under a shown total never add up to a small count (docs/suppression.md)."""

from __future__ import annotations

import random

import pytest

from tapestry.evidence.grid import Parts, suppress_grid
from tapestry.evidence.suppression import is_small


def random_grid(seed: int, *, rates: bool):
    """A year of months for three programs, with quarters, the year and the agency's cells as sums."""
    pick = random.Random(seed)
    programs = ["A", "B", "C"]
    cells: dict[tuple, Parts] = {}
    for program in programs:
        for month in range(12):
            d = pick.choice([0, 0, 2, 5, 9, 14, 25, 40])
            n = pick.randint(0, d)
            cells[("month", month, program)] = Parts(n, d if rates else None)
    sums = []

    def add(parent: tuple, children: list[tuple]) -> None:
        n = sum(cells[child].numerator for child in children)
        d = sum(cells[child].denominator or 0 for child in children)
        cells[parent] = Parts(n, d if rates else None)
        sums.append((parent, children))

    for program in programs:
        for quarter in range(4):
            add(
                ("quarter", quarter, program),
                [("month", m, program) for m in range(3 * quarter, 3 * quarter + 3)],
            )
        add(("year", 0, program), [("quarter", q, program) for q in range(4)])
    for month in range(12):
        add(("month", month, "*"), [("month", month, program) for program in programs])
    for quarter in range(4):
        add(("quarter", quarter, "*"), [("quarter", quarter, program) for program in programs])
    add(("year", 0, "*"), [("year", 0, program) for program in programs])
    for quarter in range(4):
        sums.append(
            (("quarter", quarter, "*"), [("month", m, "*") for m in range(3 * quarter, 3 * quarter + 3)])
        )
    sums.append((("year", 0, "*"), [("quarter", q, "*") for q in range(4)]))
    return cells, sums


@pytest.mark.parametrize("rates", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_no_sum_is_left_with_one_unknown_or_a_small_hidden_part(seed, rates):
    cells, sums = random_grid(seed, rates=rates)

    hidden = suppress_grid(cells, sums)

    for key, parts in cells.items():
        pieces = [parts.numerator] if not rates else [parts.numerator, parts.denominator - parts.numerator]
        if any(is_small(int(piece)) for piece in pieces):
            assert key in hidden, key
    for parent, children in sums:
        unknown = [key for key in (parent, *children) if key in hidden]
        assert len(unknown) != 1, (parent, unknown)
        under = [child for child in children if child in hidden]
        if parent not in hidden and under:
            assert not is_small(int(sum(cells[child].numerator for child in under)))
            if rates:
                rest = sum(cells[child].denominator - cells[child].numerator for child in under)
                assert not is_small(int(rest))
