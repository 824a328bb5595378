"""Suppression over a grid of related cells: every way a measure can be asked, protected together.

An indicator can be asked per month, quarter or year, for the whole agency or one program, and
broken down by a dimension. Each of those numbers is a cell, and cells are tied by sums: a year is
its quarters, a quarter its months, the agency's cell its programs' cells, a breakdown's total its
rows. Suppressing each table alone lets one page's shown numbers be subtracted from another's (a
year less three shown quarters gives the fourth). Here the cells are suppressed once, together,
whatever page asks for them: a cell is hidden if any of its parts is small (primary), and then for
every sum, a hidden cell alone under a shown parent, or hidden cells that add up to a small count
in any part, hide the smallest shown cell beside them too (or the parent, when none is left); and a
hidden parent is never the sum of the cells shown under it. So no sum ever has exactly one unknown. This repeats until nothing changes, so the result is the same
set of hidden cells whichever page reads it (docs/suppression.md).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from tapestry.evidence.suppression import is_small, threshold

DERIVABLE = gettext_noop("hidden so that a small count cannot be worked out from the others shown")


@dataclass(frozen=True)
class Parts:
    """What one cell holds: a numerator and, for a rate or a mean, the denominator it is over."""

    numerator: float
    denominator: int | None = None


def why_small(part: str) -> str:
    return f"fewer than {threshold()} {part}"


# The reasons are worked out in English (callers compare and rewrite them); a page shows them with
# `reason_text`, in the reader's language.
_REASONS = {
    "counted": gettext_noop("fewer than %(n)s counted"),
    "in the numerator": gettext_noop("fewer than %(n)s in the numerator"),
    "in the denominator": gettext_noop("fewer than %(n)s in the denominator"),
    "in the denominator but not the numerator": gettext_noop(
        "fewer than %(n)s in the denominator but not the numerator"
    ),
}
_SMALL = re.compile(r"^fewer than (\d+) (.+)$")


def reason_text(why: str) -> str:
    """Why a cell is hidden, in the active language (the reason as written when it is not a known one)."""
    if why == DERIVABLE:
        return gettext(DERIVABLE)
    found = _SMALL.match(why)
    if found and found.group(2) in _REASONS:
        return gettext(_REASONS[found.group(2)]) % {"n": found.group(1)}
    return why


def _pieces(parts: Parts, total: bool, counted: str = "counted") -> tuple[tuple[float, str], ...]:
    """The counts of people a cell gives away, with what each is called.

    A count alone gives itself. A rate gives its numerator and its rest (the denominator less the
    numerator: "28 of 30 housed" tells that 2 were not). A mean (`total`: a sum of score changes)
    gives only the number of people it is over; the sum of changes counts no one.
    """
    if parts.denominator is None:
        return ((parts.numerator, counted),)
    if total:
        return ((parts.denominator, "in the denominator"),)
    return (
        (parts.numerator, "in the numerator"),
        (parts.denominator - parts.numerator, "in the denominator but not the numerator"),
    )


def _primary(parts: Parts, total: bool, counted: str) -> str:
    if parts.denominator is not None and is_small(int(parts.denominator)):
        return why_small("in the denominator")
    for count, part in _pieces(parts, total, counted):
        if is_small(int(count)):
            return why_small(part)
    return ""


def suppress_grid(
    cells: Mapping[Hashable, Parts],
    sums: Iterable[tuple[Hashable, list[Hashable]]],
    *,
    total: bool = False,
    hidden_already: Mapping[Hashable, str] | None = None,
    counted: str = "counted",
) -> dict[Hashable, str]:
    """The hidden cells, with why, of a grid whose `sums` say which cells add up to which.

    `sums` are (parent, children) pairs, the children together making the parent exactly. `total`
    says the numerators are sums of score changes rather than counts (a mean). `hidden_already` are
    cells hidden by another grid over the same sums (their denominators), unknown here too; `counted`
    names what a count alone counts, in the reason a cell is hidden.
    """
    hidden = dict(hidden_already or {})
    hidden.update(
        {
            key: why
            for key, parts in cells.items()
            if key not in hidden and (why := _primary(parts, total, counted))
        }
    )
    sums = list(sums)
    order = {key: index for index, key in enumerate(cells)}

    def pieces(key: Hashable) -> tuple[tuple[float, str], ...]:
        return _pieces(cells[key], total)

    def smallest(children: list[Hashable], index: int) -> Hashable | None:
        shown = [
            (pieces(child)[index][0], order[child], child)
            for child in children
            if child not in hidden and pieces(child)[index][0] > 0
        ]
        return min(shown)[2] if shown else None

    changed = True
    while changed:
        changed = False
        for parent, children in sums:
            under = [child for child in children if child in hidden]
            if parent in hidden:
                # A hidden parent is never the sum of the cells shown under it.
                if under:
                    continue
                for index in range(len(pieces(parent))):
                    if (child := smallest(children, index)) is not None:
                        hidden[child] = DERIVABLE
                        changed = True
                        break
                continue
            if not under:
                continue
            # One hidden cell is the parent less the others: hide another beside it, of any part.
            # Several must not add up to a small count in a part: hide another of that part.
            lacking = range(len(pieces(parent)))
            if len(under) > 1:
                lacking = [i for i in lacking if is_small(int(sum(pieces(child)[i][0] for child in under)))]
                if not lacking:
                    continue
            found = [child for i in lacking if (child := smallest(children, i)) is not None]
            hidden[found[0] if found else parent] = DERIVABLE
            changed = True
    return hidden
