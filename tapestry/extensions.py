"""Find the modules each Tapestry app contributes by convention (routes, api, demo, timeline, ...).

An app joins the shared pieces by having a module of the agreed name, so adding an area of
practice touches no central list: `routes.py` (its rows of the route table), `api.py` (a
ninja `router`), `urls.py` (mounted at the app config's `url_prefix`), `demo.py` (demo data),
`timeline.py` and `caseload.py` (what it adds to a person's timeline and a worker's caseload),
`nav.py` (its entries in the navigation), `measures.py` (the named, suppressed aggregates it offers
to the floors above; see `tapestry/evidence/measures.py`) and `program_page.py` (what it shows on a
program's page).
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from types import ModuleType

from django.apps import apps


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """Each Tapestry app's `<app>.<name>` module, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("tapestry."):
            continue
        dotted = f"{config.name}.{name}"
        if _exists(dotted):
            found.append(importlib.import_module(dotted))
    return tuple(found)


def _exists(dotted: str) -> bool:
    """Whether module `dotted` exists; a missing parent package (an app with no `tests`) means no."""
    try:
        return importlib.util.find_spec(dotted) is not None
    except ModuleNotFoundError as missing:
        # Only a missing part of `dotted` itself; a module that fails to import its own imports is an error.
        if missing.name and (dotted + ".").startswith(missing.name + "."):
            return False
        raise


def url_mounts() -> list[tuple[str, str]]:
    """(prefix, urls module) for every app whose config names a `url_prefix`."""
    mounts = []
    for config in apps.get_app_configs():
        prefix = getattr(config, "url_prefix", None)
        if prefix and importlib.util.find_spec(f"{config.name}.urls") is not None:
            mounts.append((prefix, f"{config.name}.urls"))
    return mounts
