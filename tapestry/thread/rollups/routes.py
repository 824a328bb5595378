"""The needs roll-ups' rows of the route table (see tapestry/access/routes.py).

Every number on these pages and in their API is an aggregate asked through a named measure and
suppressed; the lists (groups, programs, services, campaigns) name no one. So anyone who reads
aggregates may read them, and no one else.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "rollups:needs_index": C.AGGREGATE_READ,
    "rollups:need_detail": C.AGGREGATE_READ,
    "rollups:barrier_detail": C.AGGREGATE_READ,
    "GET /api/v1/thread/needs": C.AGGREGATE_READ,
    "GET /api/v1/thread/needs/{need_id}": C.AGGREGATE_READ,
    "GET /api/v1/thread/barriers/{barrier_id}": C.AGGREGATE_READ,
}
