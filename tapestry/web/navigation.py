"""Navigation entries: the pages an app offers on a level's page and on the home page.

Each app declares its own in a `nav.py` module (`ENTRIES`, a tuple of `NavEntry`); the shell
(`tapestry/front/levels.py`) collects them by convention, so a new app edits no central list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    """One link: shown to a role that holds `capability`, in `level` at place `order` (low first)."""

    level: str  # "micro", "mezzo", "macro" or "evidence"
    order: int  # steps of 10 leave room for an entry between two others
    title: str
    url_name: str
    capability: str
    description: str
    query: str = ""  # appended as ?query, for one list shown under several names
