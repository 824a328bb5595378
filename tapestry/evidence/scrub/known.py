"""What the record knows about a client, and where it turns up in a story.

`Known.from_dict` reads the KNOWN.json shape of issue 11:
{"person": {"given", "family", "aliases": [], "birth_date", "phones": [], "emails": [],
 "address": {"line1", "city", "state", "postcode"}}, "household": [{"given", "family",
 "relationship", "birth_date"}], "case_number", "school", "employer"}
and refuses anything else with a `KnownError` that names the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .folding import fold
from .nicknames import COMMON_WORDS, clipped_forms, variants_of
from .patterns import MONTHS_EN, MONTHS_ES, STREET_SUFFIX

# Words inside names that are not names: "María de la Cruz", "Van der Berg".
_PARTICLES = frozenset("de del la las los y e da das do dos di van von der den le du st".split())

# Spellings of one street word: "St" and "Street" are the same street.
_STREET_WORDS = [
    ("street", "st", "str"),
    ("avenue", "ave", "av"),
    ("road", "rd"),
    ("boulevard", "blvd"),
    ("drive", "dr"),
    ("lane", "ln"),
    ("court", "ct"),
    ("place", "pl"),
    ("terrace", "ter"),
    ("circle", "cir"),
    ("parkway", "pkwy"),
    ("highway", "hwy"),
    ("trail", "trl"),
    ("square", "sq"),
    ("heights", "hts"),
    ("route", "rte"),
    ("north", "n"),
    ("south", "s"),
    ("east", "e"),
    ("west", "w"),
    ("northeast", "ne"),
    ("northwest", "nw"),
    ("southeast", "se"),
    ("southwest", "sw"),
    ("mount", "mt"),
    ("saint", "st"),
    ("fort", "ft"),
]
_UNIT_WORDS = frozenset("apt apartment unit suite ste # lot trailer fl floor rm room no".split())
_SUFFIXES = frozenset(STREET_SUFFIX.split("|"))

# Words that say what kind of school or workplace it is, not which one.
_ORG_GENERIC = frozenset(
    """
    school elementary middle high junior senior academy charter preparatory prep primary
    intermediate community college university k-8 inc llc corp corporation co company ltd
    services service group center centre the of and & store stores supercenter restaurant market
    """.split()
)
_ORG_TOO_COMMON = frozenset(
    "north south east west saint santa new old big little first united american national city county "
    "state great".split()
)
_SCHOOL_SHORT = r"(?:ms|hs|es|elem|elementary|middle|high|academy|school)"


class KnownError(ValueError):
    """KNOWN.json is not the shape the scrubber reads; the message names the field."""


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise KnownError(f"{where} must be a string or null, not {type(value).__name__}")
    return value.strip()


def _texts(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise KnownError(f"{where} must be a list of strings, not {type(value).__name__}")
    return [_text(item, f"{where}[{index}]") for index, item in enumerate(value)]


_FIELDS = {
    "KNOWN.json": {"person", "household", "case_number", "school", "employer"},
    "person": {"given", "family", "aliases", "birth_date", "phones", "emails", "address"},
    "person.address": {"line1", "line2", "city", "state", "postcode"},
    "household": {"given", "family", "aliases", "relationship", "birth_date"},
}


def _object(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise KnownError(f"{where} must be an object, not {type(value).__name__}")
    unknown = set(value) - _FIELDS[where.split("[")[0]]
    if unknown:
        raise KnownError(f"{where} has fields KNOWN.json does not define: {', '.join(sorted(unknown))}")
    return value


@dataclass(frozen=True)
class Known:
    """Identifiers the record knows: (kind, text) pairs, e.g. ("name", "Rosa")."""

    items: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @classmethod
    def from_dict(cls, data: Any) -> Known:
        if not isinstance(data, dict):
            raise KnownError(f"KNOWN.json must be an object, not {type(data).__name__}")
        root = _object(data, "KNOWN.json")
        items: list[tuple[str, str]] = []
        person = _object(root.get("person"), "person")
        items += [("name", _text(person.get(key), f"person.{key}")) for key in ("given", "family")]
        items += [("name", alias) for alias in _texts(person.get("aliases"), "person.aliases")]
        items.append(("date", _text(person.get("birth_date"), "person.birth_date")))
        items += [("phone", phone) for phone in _texts(person.get("phones"), "person.phones")]
        items += [("email", email) for email in _texts(person.get("emails"), "person.emails")]
        address = _object(person.get("address"), "person.address")
        items.append(("address", _text(address.get("line1"), "person.address.line1")))
        items.append(("address", _text(address.get("line2"), "person.address.line2")))
        items.append(("address", _text(address.get("city"), "person.address.city")))
        _text(address.get("state"), "person.address.state")  # a state is not an identifier
        items.append(("zip", _text(address.get("postcode"), "person.address.postcode")))
        household = root.get("household")
        if household is not None and not isinstance(household, list):
            raise KnownError(f"household must be a list of objects, not {type(household).__name__}")
        for index, member in enumerate(household or ()):
            member = _object(member, f"household[{index}]")
            for key in ("given", "family"):
                items.append(("name", _text(member.get(key), f"household[{index}].{key}")))
            items += [("name", a) for a in _texts(member.get("aliases"), f"household[{index}].aliases")]
            _text(member.get("relationship"), f"household[{index}].relationship")
            items.append(("date", _text(member.get("birth_date"), f"household[{index}].birth_date")))
        for key in ("case_number", "school", "employer"):
            items.append((key, _text(root.get(key), key)))
        return cls(tuple((kind, text) for kind, text in items if text))


def _alternation(values: set[str]) -> str:
    return "|".join(sorted(values, key=lambda value: (-len(value), value)))


def _phrase(value: str) -> str:
    """A regex for a phrase whose words may be split by spaces or hyphens."""
    words = [re.escape(word) for word in re.split(r"[\s-]+", value.strip()) if word]
    return r"[\s-]+".join(words)


def _word(body: str) -> str:
    return rf"(?<!\w)(?:{body})(?!\w)"


def _name_regexes(values: list[str]) -> Iterator[tuple[re.Pattern[str], str]]:
    anycase: set[str] = set()
    capitalised: set[str] = set()
    for value in values:
        folded = fold(value)
        tokens = [t.strip('.,"()') for t in re.split(r"[\s-]+", folded)]
        if len(tokens) > 1:
            anycase.add(_phrase(folded.lower()))
        for token in tokens:
            lower = token.lower()
            if len(lower) < 2 or lower in _PARTICLES:
                continue
            (capitalised if len(lower) <= 2 else anycase).add(re.escape(lower))
            for variant in variants_of(lower) - {lower}:
                short = variant in COMMON_WORDS or len(variant) <= 2
                (capitalised if short else anycase).add(re.escape(variant))
            # A short form the table does not know (Tobias -> Toby): capitalised only.
            capitalised |= {re.escape(form) for form in clipped_forms(lower)}
    capitalised -= anycase
    if anycase:
        # a known name followed by an initial ("Hope W.") takes the initial with it
        body = rf"(?:{_alternation(anycase)})(?-i:\s[A-Z]\.(?!\w))?"
        yield re.compile(_word(body), re.IGNORECASE), "name"
    if capitalised:
        forms = {form for v in capitalised for form in (v.capitalize(), v.upper())}
        yield re.compile(_word(_alternation(forms))), "name"


def _street_regex(line: str) -> str:
    tokens = re.findall(r"[A-Za-z0-9]+|#", fold(line))
    for index, token in enumerate(tokens):
        if index and token.lower() in _UNIT_WORDS:
            tokens = tokens[:index]
            break
    parts = []
    for token in tokens:
        lower = token.lower()
        spellings = {lower}
        for group in _STREET_WORDS:
            if lower in group:
                spellings.update(group)
        parts.append(f"(?:{_alternation({re.escape(s) for s in spellings})})\\.?")
    if len(parts) >= 3 and tokens[0][0].isdigit():
        # "123 Maple St" also as "Maple Street" without the number
        return rf"(?:{tokens[0]}[\s,.-]+)?" + r"[\s,.-]+".join(parts[1:])
    return r"[\s,.-]+".join(parts)


def _date_regexes(value: str) -> list[str]:
    try:
        born = dt.date.fromisoformat(value[:10])
    except ValueError:
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        if not match:
            return [re.escape(value)]
        born = dt.date(int(match[3]), int(match[1]), int(match[2]))
    m, d, y = born.month, born.day, born.year
    sep = r"[/.-]"
    year = rf"(?:{y}|{y % 100:02d})"
    month = rf"(?:{MONTHS_EN[m - 1]}|{MONTHS_EN[m - 1][:3]}\.?|{MONTHS_ES[m - 1]})"
    day = rf"0?{d}(?:st|nd|rd|th)?"
    return [
        rf"0?{m}{sep}0?{d}(?:{sep}{year})?(?![\d/])",
        rf"0?{d}{sep}0?{m}{sep}{year}",
        rf"{y}{sep}0?{m}{sep}0?{d}",
        rf"{month}\s+{day}(?:,?\s+{year})?",
        rf"{day}\s+(?:of\s+|de\s+)?{month}(?:,?\s+(?:de\s+)?{year})?",
    ]


def _org_regexes(value: str) -> Iterator[tuple[re.Pattern[str], str]]:
    words = fold(value).replace(".", "").split()
    anycase = {_phrase(" ".join(words).lower())}
    while words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _ORG_GENERIC:
        words = words[:-1]
        if len(words) > 1 and words[-1].lower() not in _ORG_GENERIC:
            anycase.add(_phrase(" ".join(words).lower()))
    head = " ".join(words)
    anycase.add(_phrase(head.lower()) + rf"\s+{_SCHOOL_SHORT}")
    # the first words alone: "Border Steel" for Border Steel Fabricators
    anycase.update(_phrase(" ".join(words[:count]).lower()) for count in range(2, len(words) + 1))
    yield re.compile(_word("|".join(sorted(anycase, key=len, reverse=True))), re.IGNORECASE), ""
    first = words[0] if words else ""
    if len(first) >= 4 and first.lower() not in _ORG_GENERIC | _ORG_TOO_COMMON:
        # a one-word name alone ("Lincoln" for Lincoln Middle School, "Sonic" for Sonic Drive-In)
        # only when written as a name, capitalised
        forms = {first[0].upper() + first[1:], first.upper()}
        yield re.compile(_word("|".join(re.escape(form) for form in forms))), ""


def _regexes(known: Known) -> Iterator[tuple[re.Pattern[str], str]]:
    names = [text for kind, text in known.items if kind == "name"]
    yield from _name_regexes(names)
    for kind, text in known.items:
        folded = fold(text)
        if kind == "date":
            for body in _date_regexes(folded):
                yield re.compile(_word(body), re.IGNORECASE), "date"
        elif kind == "address":
            if re.search(r"\d", folded):
                yield re.compile(_word(_street_regex(folded)), re.IGNORECASE), "address"
            else:
                yield re.compile(_word(_phrase(folded)), re.IGNORECASE), "address"
        elif kind == "zip":
            digits = re.sub(r"\D", "", folded)
            if len(digits) >= 5:
                plus4 = digits[5:9] or r"\d{4}"
                yield re.compile(rf"(?<!\d){digits[:5]}(?:-?{plus4})?(?!\d)"), "zip"
            else:
                yield re.compile(_word(re.escape(folded)), re.IGNORECASE), "zip"
        elif kind == "phone":
            digits = re.sub(r"\D", "", folded)
            if len(digits) == 11 and digits.startswith("1"):
                digits = digits[1:]
            if len(digits) >= 7:
                loose = r"[\s().-]{0,2}".join(digits)
                yield re.compile(rf"(?<![\w+])(?:\+?1[\s.-]?)?\(?{loose}(?!\d)"), "phone"
                yield re.compile(r"(?<![\w-])" + r"[\s.-]?".join(digits[-7:]) + r"(?!\d)"), "phone"
        elif kind == "email":
            yield re.compile(_word(re.escape(folded)), re.IGNORECASE), "email"
            local = folded.split("@")[0]
            if len(local) >= 4 and not local.isalpha():
                yield re.compile(_word(re.escape(local)), re.IGNORECASE), "email"
        elif kind == "case_number":
            chunks = re.findall(r"[A-Za-z0-9]+", folded)
            yield re.compile(_word(r"[\s#-]?".join(chunks)), re.IGNORECASE), "case_number"
            if len(chunks) > 1 and sum(c.isdigit() for c in "".join(chunks[1:])) >= 6:
                yield re.compile(_word(r"[\s-]?".join(chunks[1:]))), "case_number"
        elif kind in ("school", "employer"):
            for pattern, _ in _org_regexes(folded):
                yield pattern, kind


def known_candidates(text: str, known: Known) -> Iterator[tuple[int, int, str]]:
    """Every place in the folded text where something the record knows turns up."""
    for pattern, kind in _regexes(known):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), kind
