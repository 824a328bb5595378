"""URL arguments for supervision's routes in the authorization matrix: none take any."""

from __future__ import annotations


def examples(world: dict) -> dict[str, dict]:
    return {}
