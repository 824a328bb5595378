"""Scoring a scrubber against stories with gold identifier spans (the corpus of docs/thread-scrubber.md).

A story is a dict with `id`, `text`, `known` (KNOWN.json) and `gold` ([{"start", "end", "kind"}]).
Per kind:
* recall: the share of gold spans of that kind whose every character the scrubber replaced (by a
  span of any kind: what matters is that the identifier is gone);
* precision: the share of the scrubber's spans of that kind that overlap some gold span (a span
  over an ordinary word, "I hope", counts against it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import KINDS, Known, Scrubbed, scrub

_MARK = re.compile(r"\{(\w+)\|([^{}]+)\}")


def unmark(marked: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text of a marked story and its gold spans."""
    text: list[str] = []
    gold: list[dict[str, Any]] = []
    at = 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[at : match.start()]
        text.append(before)
        length += len(before)
        kind, value = match.group(1), match.group(2)
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in {marked!r}")
        gold.append({"start": length, "end": length + len(value), "kind": kind})
        text.append(value)
        length += len(value)
        at = match.end()
    text.append(marked[at:])
    return "".join(text), gold


def load(directory: Path) -> list[dict[str, Any]]:
    """The stories of a corpus directory, in file-name order."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.json"))]


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass
class Score:
    kinds: dict[str, Tally]
    missed: list[tuple[str, str, str]]  # (story id, kind, text) of gold spans not fully replaced
    spurious: list[tuple[str, str, str]]  # (story id, kind, text) of spans over no gold identifier

    def total(self) -> Tally:
        total = Tally()
        for tally in self.kinds.values():
            total.gold += tally.gold
            total.found += tally.found
            total.predicted += tally.predicted
            total.correct += tally.correct
        return total

    def table(self) -> str:
        lines = ["| kind | gold spans | recall | scrubbed spans | precision |", "|---|---:|---:|---:|---:|"]
        rows = [(kind, self.kinds[kind]) for kind in KINDS] + [("all", self.total())]
        for kind, tally in rows:
            lines.append(
                f"| {kind} | {tally.gold} | {tally.recall:.3f} | {tally.predicted} | {tally.precision:.3f} |"
            )
        return "\n".join(lines)


def evaluate(stories: list[dict[str, Any]], scrubber: Callable[[str, Known], Scrubbed] = scrub) -> Score:
    kinds = {kind: Tally() for kind in KINDS}
    missed: list[tuple[str, str, str]] = []
    spurious: list[tuple[str, str, str]] = []
    for story in stories:
        text = story["text"]
        result = scrubber(text, Known.from_dict(story["known"]))
        covered = bytearray(len(text))
        for span in result.spans:
            covered[span.start : span.end] = b"\1" * (span.end - span.start)
        for gold in story["gold"]:
            tally = kinds[gold["kind"]]
            tally.gold += 1
            if all(covered[gold["start"] : gold["end"]]):
                tally.found += 1
            else:
                missed.append((story["id"], gold["kind"], text[gold["start"] : gold["end"]]))
        for span in result.spans:
            tally = kinds[span.kind]
            tally.predicted += 1
            if any(g["start"] < span.end and span.start < g["end"] for g in story["gold"]):
                tally.correct += 1
            else:
                spurious.append((story["id"], span.kind, text[span.start : span.end]))
    return Score(kinds, missed, spurious)
