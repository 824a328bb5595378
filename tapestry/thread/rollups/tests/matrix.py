"""URL arguments for the needs roll-ups' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.thread.rollups.tests.support import barrier, need


def examples(world: dict) -> dict[str, dict]:
    by_need, by_barrier = need().pk, barrier().pk
    return {
        "rollups:need_detail": {"pk": by_need},
        "rollups:barrier_detail": {"pk": by_barrier},
        "GET /api/v1/thread/needs/{need_id}": {"need_id": by_need},
        "GET /api/v1/thread/barriers/{barrier_id}": {"barrier_id": by_barrier},
    }
