"""The four levels of practice in the navigation, with the entries each app declares in its `nav.py`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy, pgettext_lazy

from tapestry.extensions import app_modules
from tapestry.web.navigation import NavEntry

# (slug, name, the page's heading, the question the level answers), in the order of the menu.
SECTIONS = (
    (
        "micro",
        pgettext_lazy("level of practice", "Micro"),
        gettext_lazy("Micro practice"),
        gettext_lazy("What does this person need, what are we doing about it, is it working?"),
    ),
    (
        "mezzo",
        pgettext_lazy("level of practice", "Mezzo"),
        gettext_lazy("Mezzo practice"),
        gettext_lazy("How is this group doing together, and does the program reach the people it is for?"),
    ),
    (
        "macro",
        pgettext_lazy("level of practice", "Macro"),
        gettext_lazy("Macro practice"),
        gettext_lazy("What pattern do we see across many people, and what change will fix its root cause?"),
    ),
    (
        "evidence",
        pgettext_lazy("level of practice", "Evidence"),
        gettext_lazy("Evidence practice"),
        gettext_lazy("What do the cases show, as counts that identify no one?"),
    ),
)


@dataclass(frozen=True)
class Level:
    slug: str
    name: str
    heading: str
    question: str
    entries: tuple[NavEntry, ...]


@cache
def levels() -> tuple[Level, ...]:
    """Every level with the entries the apps declare in their `nav.py`, by their `order`."""
    return collect([entry for module in app_modules("nav") for entry in module.ENTRIES])


def collect(declared: list[NavEntry]) -> tuple[Level, ...]:
    slugs = [slug for slug, *_ in SECTIONS]
    for entry in declared:
        if entry.level not in slugs:
            raise ImproperlyConfigured(f"Navigation entry {entry.title!r} names no level: {entry.level!r}.")
    found = []
    for slug, name, heading, question in SECTIONS:
        entries = sorted((e for e in declared if e.level == slug), key=lambda e: e.order)
        orders = [e.order for e in entries]
        if len(set(orders)) != len(orders):
            raise ImproperlyConfigured(
                f"Two navigation entries of the {slug} level share an order: {orders}."
            )
        found.append(Level(slug, name, heading, question, tuple(entries)))
    return tuple(found)


def level_named(slug: str) -> Level | None:
    return next((level for level in levels() if level.slug == slug), None)
