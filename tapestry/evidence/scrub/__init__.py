"""Story scrubbing: remove every identifier from a client's story before anyone outside the case reads it.

`scrub(text, known)` returns the text with each identifier replaced by `[KIND]` and the spans it
replaced, as offsets into the input with the kind each held. Two sources of identifiers meet:

* what the record knows (`Known`, the shape `manage.py scrub_story --known KNOWN.json` reads): the
  names, aliases and nicknames of the client and household, birth dates in any format, the street
  in any spelling of its suffix, the city and ZIP, phones in any formatting, emails, the case
  number, the school and employer with their short forms (known.py);
* the pattern identifiers of the HIPAA Safe Harbor kinds, 45 CFR 164.514(b)(2)(i) (patterns.py).

Matching is case-insensitive and accent-insensitive (folding.py). Where candidates overlap the
longest wins (ties: the record's knowledge, then the more specific kind), so spans never overlap.
See docs/thread-scrubber.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .folding import Folded
from .known import Known, KnownError, known_candidates
from .patterns import detect

KINDS = (
    "name",
    "date",
    "phone",
    "email",
    "ssn",
    "address",
    "zip",
    "url",
    "ip",
    "account",
    "case_number",
    "school",
    "employer",
)

# Which candidate wins a tie of length: the record's knowledge first, then the more specific pattern.
_PATTERN_RANK = {
    "ssn": 60,
    "email": 58,
    "url": 56,
    "ip": 55,
    "phone": 54,
    "case_number": 52,
    "account": 50,
    "date": 48,
    "address": 46,
    "zip": 44,
    "name": 40,
    "school": 38,
    "employer": 36,
}
_KNOWN_RANK = 100

__all__ = ["KINDS", "Known", "KnownError", "Scrubbed", "Span", "scrub"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Scrubbed:
    text: str
    spans: list[Span]

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [span.as_dict() for span in self.spans]}


def _choose(candidates: list[tuple[int, int, str, int]]) -> list[Span]:
    """The longest candidates first, never two that overlap, in text order."""
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), -c[3], c[0]))
    taken = bytearray()
    chosen: list[Span] = []
    for start, end, kind, _rank in ordered:
        if len(taken) < end:
            taken.extend(b"\0" * (end - len(taken)))
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\1" * (end - start)
        chosen.append(Span(start, end, kind))
    return sorted(chosen, key=lambda span: span.start)


def _word_before_dot(text: str, end: int) -> int:
    length = 0
    while end - 2 - length >= 0 and text[end - 2 - length].isalpha():
        length += 1
    return length


def _joined(spans: list[Span], text: str) -> list[Span]:
    """Neighbouring spans of one kind as one: "Rosa Martinez" is one name, not two."""
    joined: list[Span] = []
    for span in spans:
        if joined and joined[-1].kind == span.kind:
            gap = text[joined[-1].end : span.start]
            glue = " \t-" if span.kind != "address" else " \t-,"
            if len(gap) <= 3 and all(char in glue for char in gap):
                joined[-1] = Span(joined[-1].start, span.end, span.kind)
                continue
        joined.append(span)
    return joined


def scrub(text: str, known: Known | None = None) -> Scrubbed:
    """The text with every identifier found replaced by `[KIND]`, and the spans replaced."""
    folded = Folded(text)
    candidates: list[tuple[int, int, str, int]] = []
    found = [(s, e, k, _KNOWN_RANK) for s, e, k in known_candidates(folded.text, known or Known())]
    found += [(s, e, k, _PATTERN_RANK[k]) for s, e, k in detect(folded.text)]
    for start, end, kind, rank in found:
        if (
            kind == "address"
            and folded.text[start:end].endswith(".")
            and _word_before_dot(folded.text, end) > 4
        ):
            end -= 1  # "Maple Street." ends a sentence; "Maple St." keeps its abbreviation
        if end > start:
            candidates.append((*folded.to_source(start, end), kind, rank))
    spans = _joined(_choose(candidates), text)
    out: list[str] = []
    at = 0
    for span in spans:
        out += [text[at : span.start], f"[{span.kind.upper()}]"]
        at = span.end
    out.append(text[at:])
    return Scrubbed("".join(out), spans)
