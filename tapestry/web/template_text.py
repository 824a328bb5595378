"""Finds text in a template that is shown to people but not marked for translation.

The template is lexed as Django does; text inside `{% translate %}` / `{% blocktranslate %}` counts as
marked, a variable `{{ ... }}` as data, and what remains is read as HTML: the text between tags and
the attributes people read (title, placeholder, aria-label, alt, and the value of buttons). Anything
there with a letter in it must be marked, unless it sits in an element marked `translate="no"` (the
HTML attribute for content that stays as written, such as a name) or is in `UNTRANSLATED_WORDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.template.base import Lexer, TokenType

# Names and codes that read the same in every language.
UNTRANSLATED_WORDS = frozenset(
    {
        "Tapestry",
        "PHQ-9",
        "PHQ-2",
        "GAD-7",
        "GAD-2",
        "C-SSRS",
        "AUDIT-C",
        "PCL-5",
        "ACE",
        "API",
        "CSV",
        "PDF",
        "HSDS",
        "FHIR",
        "OSDI",
        "JSON",
        "ID",
        "URL",
        "TOTP",
        "SQL",
        "yyyy-mm-dd",
        "OK",
        "SMS",
        "CFR",
        "FERPA",
        "HIPAA",
        "IEP",
        "SDOH",
        "LOINC",
        "SNOMED",
        "ICD-10",
        "UTC",
    }
)
READ_ATTRIBUTES = frozenset(
    {"title", "placeholder", "aria-label", "alt", "aria-description", "aria-placeholder"}
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
DATA = "\x00"  # stands for a variable or a marked string
BLOCK_START = re.compile(r"^(blocktrans|blocktranslate)\b")
BLOCK_END = re.compile(r"^(endblocktrans|endblocktranslate)\b")
WORD = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Unmarked:
    line: int
    text: str


def _marked_source(source: str) -> str:
    """The template with each variable and marked string replaced by DATA, and other tags by nothing."""
    out: list[str] = []
    in_block = False
    in_comment = False
    for token in Lexer(source).tokenize():
        contents = token.contents.strip()
        if token.token_type == TokenType.BLOCK:
            if in_comment:
                in_comment = contents != "endcomment"
                continue
            if contents == "comment" or contents.startswith("comment "):
                in_comment = True
            elif BLOCK_START.match(contents):
                in_block = True
                out.append(DATA)
            elif BLOCK_END.match(contents):
                in_block = False
            elif contents.startswith(("translate ", "trans ")):
                out.append(DATA)
            continue
        if in_block or in_comment:
            continue
        if token.token_type == TokenType.VAR:
            out.append(DATA)
        elif token.token_type == TokenType.TEXT:
            # Keep the line count so a finding can say where it is.
            out.append(token.contents)
    return "".join(out)


def _readable(text: str) -> str | None:
    text = " ".join(text.replace(DATA, " ").split())
    words = [w.strip("-–—") for w in re.split(r"[\s·|/()\[\],:;.!?\"'«»“”‘’+=*&%#<>]+", text)]
    if any(WORD.search(w) and w not in UNTRANSLATED_WORDS for w in words):
        return text
    return None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Unmarked] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, translate=no)

    @property
    def _kept(self) -> bool:
        return any(no for _, no in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        no = values.get("translate") == "no"
        if not (self._kept or no):
            for name, value in attrs:
                readable = name in READ_ATTRIBUTES or (
                    # An input button shows its value; a <button> shows its content, never its value.
                    name == "value" and tag == "input" and values.get("type") in {"submit", "button", "reset"}
                )
                if readable and value and (text := _readable(value)):
                    self.found.append(Unmarked(self.getpos()[0], f'{name}="{text}"'))
        if tag not in VOID:
            self.stack.append((tag, no))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._kept or (self.stack and self.stack[-1][0] in {"script", "style"}):
            return
        if text := _readable(data):
            self.found.append(Unmarked(self.getpos()[0], text))


def unmarked_text(source: str) -> list[Unmarked]:
    reader = _Reader()
    reader.feed(_marked_source(source))
    reader.close()
    return reader.found
