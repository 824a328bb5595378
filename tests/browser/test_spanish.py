"""Spanish on every page the browser tests reach, and one page right to left (docs/languages.md).

Every demo user is set to Spanish and the pages of tests/browser/crawl.py are read in Chromium: the
text of every element (hidden ones too: a screen reader reads them) and the attributes people read.
A word is English when it occurs in the English source of our catalogs and never in their Spanish;
text that is the agency's own data (a name, a group's title, a note: anything stored in the
database) is taken out before the words are read, as is anything marked `translate="no"`. Any English
word left fails the test with the page, the role and the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.db import models
from playwright.sync_api import Page

from tapestry.access.models import User
from tests.browser.crawl import crawl, links_on, open_html, sign_in
from tests.i18n.pending import SHOWN_IN_ENGLISH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2] / "tapestry"
WORD = re.compile(r"[^\W\d_]+")
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:[._][a-z0-9]+)*_[a-z0-9_.]+\b|\b[a-z_]+\.[a-z_]+\b")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]+>|\{\{[^}]*\}\}")
# Shown the same in every language: names of products, instruments and formats.
SAME_IN_EVERY_LANGUAGE = {"tapestry", "csv", "pdf", "api", "json", "hsds", "fhir", "osdi", "phq", "gad"}
SHOWN_TEXT = """() => {
  const out = [];
  const kept = (el) => !el || el.closest('script, style, template, noscript, [translate="no"]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (text && !kept(node.parentElement)) out.push(text);
  }
  const read = "[title], [placeholder], [aria-label], [alt], input[type=submit], input[type=button]";
  for (const el of document.querySelectorAll(read)) {
    if (kept(el)) continue;
    for (const name of ["title", "placeholder", "aria-label", "alt"]) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push(value.trim());
    }
    if (el.matches("input[type=submit], input[type=button]") && el.value) out.push(el.value);
  }
  if (document.title) out.push(document.title);
  return out;
}"""


@dataclass(frozen=True)
class Untranslated:
    role: str
    url: str
    word: str
    text: str

    def __str__(self) -> str:
        return f"{self.url} as {self.role}: {self.word!r} in {self.text[:160]!r}"


def _words(text: str) -> set[str]:
    """The words of a text, in lower case; a letter alone (the s of "client's") is not a word."""
    return {word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text)) if len(word) > 1}


@cache
def english_only_words() -> frozenset[str]:
    """Words of our English source that no Spanish translation uses (ours, or Django's own: its
    month names give "ago", August)."""
    english: set[str] = set()
    spanish: set[str] = set()
    catalogs = list(ROOT.glob("**/locale/es/LC_MESSAGES/django.po"))
    assert len(catalogs) >= 30, "every app keeps a Spanish catalog"
    django_spanish = Path(django.__file__).parent / "conf" / "locale" / "es" / "LC_MESSAGES" / "django.po"
    for path in [*catalogs, django_spanish]:
        for entry in polib.pofile(str(path)):
            if path != django_spanish:
                english |= _words(entry.msgid) | _words(entry.msgid_plural or "")
            spanish |= _words(entry.msgstr)
            for text in entry.msgstr_plural.values():
                spanish |= _words(text)
    return frozenset(english - spanish - SAME_IN_EVERY_LANGUAGE)


def _strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings_in(item)


def stored_text() -> list[str]:
    """Every text value in the database, JSON included (the agency's data, never translated),
    in lower case, longest first."""
    found: set[str] = set()
    for model in apps.get_models():
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField) and not f.choices
        ]
        if names:
            for row in model._base_manager.values_list(*names):
                for text in _strings_in(list(row)):
                    if len(text.strip()) >= 3:
                        found.add(text.strip().lower())
    return sorted(found, key=len, reverse=True)


def english_in(text: str, data: list[str], english: frozenset[str] | None = None) -> str | None:
    """The first English word of `text` once the agency's data (`data`, in lower case) and code
    names (a measure's `cases.by_status`) are taken out of it."""
    english = english_only_words() if english is None else english
    text = IDENTIFIER.sub(" ", text)
    if not (_words(text) & english):
        return None
    lowered = text.lower()
    core = lowered.strip(" …")
    if any(core in value for value in data if len(value) > len(core)):
        return None  # a shortened note or description
    for value in data:
        if value in lowered:  # whole words only: a stored "Community need" leaves "assessments" whole
            lowered = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", lowered)
    # A stored text shortened after a sentence of ours: "…: riesgo alto. Thoughts of suicide most…"
    kept = [
        part
        for part in re.split(r"(?<=[.;:])\s+", lowered)
        if len(core := part.strip(" …")) < 12 or not any(core in value for value in data)
    ]
    lowered = " ".join(kept)
    left = [word for word in WORD.findall(lowered) if len(word) > 1 and word in english]
    if not left:
        return None
    return next(word for word in WORD.findall(text) if word.lower() == left[0])


def test_pages_in_spanish_show_no_english(demo_agency: None, browse: callable, live_server: object):
    User.objects.update(language="es")
    data = stored_text()
    origin = live_server.url.rstrip("/")
    found: list[Untranslated] = []

    def visit(page: Page, role: str, url: str) -> list[str] | None:
        response = open_html(page, url)
        if response is None:
            return None
        assert response.status < 500, f"{url} as {role} answered {response.status}"
        assert page.evaluate("document.documentElement.lang") == "es", f"{url} is not marked as Spanish"
        for text in dict.fromkeys(page.evaluate(SHOWN_TEXT)):
            if word := english_in(text, data):
                found.append(Untranslated(role, url, word, text))
        return links_on(page, origin)

    checked, _details = crawl(browse, origin, visit)
    print(f"{checked} pages read in Spanish")
    assert checked >= 200
    known = [item for item in found if item.text in SHOWN_IN_ENGLISH]
    print("\n".join(f"still in English (listed): {item}" for item in known))
    unknown = [item for item in found if item.text not in SHOWN_IN_ENGLISH]
    report = "\n".join(str(item) for item in unknown)
    assert not unknown, f"{len(unknown)} English texts on Spanish pages:\n{report}"
    settled = SHOWN_IN_ENGLISH - {item.text for item in known}
    assert not settled, f"no longer shown in English, remove from SHOWN_IN_ENGLISH: {sorted(settled)}"


def test_the_reader_finds_english_and_leaves_data_alone(db: None):
    """The check itself: an English phrase of ours is found; a stored name or note is not."""
    english_only_words.cache_clear()
    assert {"caseload", "today", "roll"} <= english_only_words()
    assert "carga" not in english_only_words() and "tapestry" not in english_only_words()
    english = frozenset(
        {"your", "caseload", "take", "the", "roll", "says", "parenting", "circle", "assessments"}
    )
    assert english_in("Your caseload today", [], english) == "Your"
    assert english_in("Su carga de casos hoy", [], english) is None
    data = [  # as stored_text() gives them: in lower case
        "sunrise parenting circle",
        "client says the landlord will fix the heating next week",
        "community need",
    ]
    assert english_in("Sunrise parenting circle", data, english) is None
    assert english_in("Client says the landlord…", data, english) is None
    assert english_in("Sunrise parenting circle · Take the roll", data, english) == "Take"
    assert english_in("Sunrise parenting circles", data, english) == "parenting"
    assert english_in("Community needs assessments", data, english) == "assessments"
    assert english_in("Medida: cases.parenting_circle_take (x)", data, english) is None
    assert english_in("SUNRISE PARENTING CIRCLE", data, english) is None
    assert english_in("Riesgo alto. Client says the landlord…", data, english) is None
    assert english_in("Your plan. Client says the landlord…", data, english) == "Your"


def test_a_right_to_left_page_is_laid_out_right_to_left(demo_agency: None, browse: callable):
    User.objects.filter(username="caseworker").update(language="ar")
    page = browse()
    sign_in(page, "caseworker")
    page.goto("/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    layout = page.evaluate(
        """() => {
          const box = (selector) => document.querySelector(selector).getBoundingClientRect();
          const brand = box(".brand"), account = box(".account"), heading = box("h1");
          return {
            width: window.innerWidth,
            scroll: document.documentElement.scrollWidth,
            brandRight: brand.right, accountLeft: account.left, accountRight: account.right,
            headingRight: heading.right, headingLeft: heading.left,
            mainRight: document.querySelector("main").getBoundingClientRect().right,
            skipLeft: box(".skip-link").left, skipRight: box(".skip-link").right,
          };
        }"""
    )
    # The brand opens the header on the right and the account block closes it on the left.
    assert layout["brandRight"] > layout["accountRight"], layout
    assert layout["brandRight"] > layout["width"] * 0.8, layout
    # Headings start at the right edge of the content, and nothing spills sideways.
    assert abs(layout["headingRight"] - layout["mainRight"]) < 40, layout
    assert layout["scroll"] <= layout["width"], layout
    # The skip link waits off screen on the start side until it gets the focus.
    assert layout["skipRight"] <= 0 or layout["skipLeft"] >= layout["width"], layout
    assert page.locator("h1").inner_text().startswith("مرحبًا")
