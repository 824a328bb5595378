"""Folding text for matching: accents, compatibility forms and typographic quotes removed, offsets kept.

The scrubber matches on the folded text (so "Jose" finds "José" and "Pena" finds "Peña") and maps
every match back to offsets into the text it was given.
"""

from __future__ import annotations

import unicodedata

_TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}


def fold_char(char: str) -> str:
    if char < "\x80":
        return char
    if char in _TYPOGRAPHIC:
        return _TYPOGRAPHIC[char]
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


def fold(text: str) -> str:
    """The folded form of a short value (a name, a street) to build a pattern from."""
    return "".join(fold_char(char) for char in text)


class Folded:
    """A text folded for matching, with the input offset of every folded character."""

    def __init__(self, text: str) -> None:
        self.source = text
        pieces: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            folded = fold_char(char)
            pieces.append(folded)
            origin.extend([index] * len(folded))
        self.text = "".join(pieces)
        self.origin = origin

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the folded span [start, end); trailing combining marks stay with it."""
        source_start = self.origin[start]
        source_end = self.origin[end - 1] + 1
        while source_end < len(self.source) and not fold_char(self.source[source_end]):
            source_end += 1
        return source_start, source_end
