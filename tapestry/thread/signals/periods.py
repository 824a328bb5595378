"""Periods of the rule: quarters (the default) or months, named like 2026-Q4 or 2026-11."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Span:
    start: date
    end: date  # the first day after the period

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def _months(unit: str) -> int:
    if unit not in ("quarter", "month"):
        raise ValueError(f"A period is a quarter or a month, not {unit!r}.")
    return 3 if unit == "quarter" else 1


def _shift(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def span_of(day: date, unit: str) -> Span:
    length = _months(unit)
    start = date(day.year, (day.month - 1) // length * length + 1, 1)
    return Span(start, _shift(start, length))


def previous(span: Span, unit: str, count: int) -> list[Span]:
    """The `count` periods before `span`, oldest first."""
    length = _months(unit)
    return [
        Span(_shift(span.start, -length * n), _shift(span.start, -length * (n - 1)))
        for n in range(count, 0, -1)
    ]


def label(span: Span, unit: str) -> str:
    if unit == "quarter":
        return f"{span.start.year}-Q{(span.start.month - 1) // 3 + 1}"
    return f"{span.start:%Y-%m}"


def parse(text: str, unit: str) -> Span:
    """'2026-Q4' (a quarter) or '2026-11' (a month); a ValueError names the form expected."""
    text = text.strip().upper()
    quarter = re.fullmatch(r"(\d{4})-?Q([1-4])", text)
    month = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if unit == "quarter" and quarter:
        return span_of(date(int(quarter[1]), (int(quarter[2]) - 1) * 3 + 1, 1), unit)
    if unit == "month" and month and 1 <= int(month[2]) <= 12:
        return span_of(date(int(month[1]), int(month[2]), 1), unit)
    raise ValueError("Name a quarter like 2026-Q4." if unit == "quarter" else "Name a month like 2026-11.")


def exposure(span: Span, today: date) -> float:
    """The share of the period that has passed by the end of `today` (1 for a period over)."""
    if today >= span.end:
        return 1.0
    return max(min(((today - span.start).days + 1) / span.days, 1.0), 1 / span.days)
