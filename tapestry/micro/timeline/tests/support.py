"""Helpers for the timeline tests: stand-in providers that other areas of practice would supply."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest

from tapestry.micro.cases.hooks import EcomapLink, TimelineEvent
from tapestry.micro.timeline import selectors


def use_providers(
    monkeypatch: pytest.MonkeyPatch,
    *,
    timeline: Callable[..., list[TimelineEvent]] | None = None,
    ecomap: Callable[..., list[EcomapLink]] | None = None,
) -> None:
    """Replace every app's providers with these (none for a name not given)."""
    modules = {
        "timeline": (SimpleNamespace(__name__="fake.timeline", timeline_events=timeline),)
        if timeline
        else (),
        "ecomap": (SimpleNamespace(__name__="fake.ecomap", ecomap_links=ecomap),) if ecomap else (),
    }
    monkeypatch.setattr(selectors, "_providers", lambda name: modules.get(name, ()))
