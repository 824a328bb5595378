"""Story scrubbing: remove every identifier from a client's story before anyone outside the case reads it.

`scrub(text, known)` returns the scrubbed text and the spans it replaced, as offsets into the input
with the kind of identifier each held. `Known` is what the record knows about the client (the shape
`manage.py scrub_story --known KNOWN.json` reads). This first version replaces the identifiers the
record knows, word by word; the pattern identifiers of the HIPAA Safe Harbor kinds follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True)
class Known:
    """Identifiers the record knows: (kind, text) pairs, e.g. ("name", "Rosa")."""

    items: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Known:
        items: list[tuple[str, str]] = []
        person = data.get("person") or {}
        for key in ("given", "family"):
            items.append(("name", person.get(key) or ""))
        items += [("name", alias) for alias in person.get("aliases") or ()]
        items.append(("date", person.get("birth_date") or ""))
        items += [("phone", phone) for phone in person.get("phones") or ()]
        items += [("email", email) for email in person.get("emails") or ()]
        address = person.get("address") or {}
        items += [("address", address.get("line1") or ""), ("zip", address.get("postcode") or "")]
        for member in data.get("household") or ():
            items += [("name", member.get("given") or ""), ("name", member.get("family") or "")]
            items.append(("date", member.get("birth_date") or ""))
        items += [("case_number", data.get("case_number") or ""), ("school", data.get("school") or "")]
        items.append(("employer", data.get("employer") or ""))
        return cls(tuple((kind, text.strip()) for kind, text in items if text and text.strip()))


def scrub(text: str, known: Known) -> Scrubbed:
    """The text with every identifier found replaced by `[KIND]`, and the spans replaced."""
    found: list[Span] = []
    for kind, value in sorted(known.items, key=lambda item: -len(item[1])):
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not any(span.start < match.end() and match.start() < span.end for span in found):
                found.append(Span(match.start(), match.end(), kind))
    found.sort(key=lambda span: span.start)
    out, at = [], 0
    for span in found:
        out += [text[at : span.start], f"[{span.kind.upper()}]"]
        at = span.end
    out.append(text[at:])
    return Scrubbed("".join(out), found)
