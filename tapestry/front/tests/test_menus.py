"""The menus each role sees: the level links, the home page's cards and every level page.

`menus.json` holds what every role saw when the entries were one central list (front/levels.py,
before navigation by convention); the entries each app now declares in its `nav.py` must render
the very same pages, order, labels and descriptions. Regenerate the file (MENUS_WRITE=1) only for a
deliberate change of the menus, and review its diff.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.front.levels import collect
from tapestry.testing import client_for
from tapestry.web.navigation import NavEntry

EXPECTED = Path(__file__).with_name("menus.json")
LEVEL_SLUGS = ("micro", "mezzo", "macro", "evidence")

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')
CARD = re.compile(
    r'<section class="card" aria-labelledby="level-([a-z]+)">\s*<h2[^>]*><a href="[^"]*">([^<]*)</a></h2>\s*'
    r'<p class="muted">([^<]*)</p>(.*?)</section>',
    re.S,
)
LEVEL_CARD = re.compile(
    r'<section class="card">\s*<h2><a href="([^"]*)">([^<]*)</a></h2>\s*<p>([^<]*)</p>', re.S
)


def _text(value: str) -> str:
    return html.unescape(value).strip()


def menus_of(client) -> dict:
    """The level links of the header, the home page's level cards, and each level page's cards."""
    home = client.get(reverse("front:home")).content.decode()
    nav = re.search(r'<nav class="levels".*?</nav>', home, re.S).group(0)
    seen = {
        "nav": [[href, _text(title)] for href, title in LINK.findall(nav)],
        "home": [
            [slug, _text(name), _text(question), [[href, _text(title)] for href, title in LINK.findall(body)]]
            for slug, name, question, body in CARD.findall(home)
        ],
    }
    for slug in LEVEL_SLUGS:
        page = client.get(reverse("front:level", args=[slug])).content.decode()
        seen[slug] = [[href, _text(title), _text(text)] for href, title, text in LEVEL_CARD.findall(page)]
    return seen


def _dumps(seen: dict) -> str:
    """One line per role and page, so a change of the menus reads as a short diff."""
    roles = [
        f"  {json.dumps(role)}: {{\n"
        + ",\n".join(
            f"    {json.dumps(page)}: {json.dumps(items, ensure_ascii=False)}"
            for page, items in pages.items()
        )
        + "\n  }"
        for role, pages in seen.items()
    ]
    return "{\n" + ",\n".join(roles) + "\n}\n"


@pytest.mark.django_db
def test_every_role_sees_the_menus_it_saw_before(cast):
    seen = {role.value: menus_of(client_for(cast[role])) for role in Role}
    if os.environ.get("MENUS_WRITE"):
        EXPECTED.write_text(_dumps(seen), encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for role in Role:
        assert seen[role.value] == expected[role.value], role.value
    # The extraction finds something: a check that read nothing would always pass.
    assert sum(len(menus["home"][0][3]) for menus in expected.values()) > 10


def _entry(level: str, order: int) -> NavEntry:
    return NavEntry(level, order, "A page", "front:home", "person.read", "What it is for.")


def test_entries_are_ordered_by_their_order_not_by_app():
    micro = collect([_entry("micro", 20), _entry("evidence", 5), _entry("micro", 10)])[0]
    assert [e.order for e in micro.entries] == [10, 20]


@pytest.mark.parametrize(
    ("declared", "problem"),
    [
        ([_entry("meta", 10)], "names no level"),
        ([_entry("micro", 10), _entry("micro", 10)], "share an order"),
    ],
)
def test_an_entry_that_names_no_level_or_takes_a_taken_place_is_refused(declared, problem):
    with pytest.raises(ImproperlyConfigured, match=problem):
        collect(declared)
