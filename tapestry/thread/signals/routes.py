"""The signals app's rows of the route table (see tapestry/access/routes.py).

Signals hold counts only, so whoever reads counts (aggregate.read) reads them; answering one
(a draft group, a planning campaign, a dismissal) is signal.respond: supervisors and program managers.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "signals:list": C.AGGREGATE_READ,
    "signals:detail": C.AGGREGATE_READ,
    "signals:accept_group": C.SIGNAL_RESPOND,
    "signals:accept_campaign": C.SIGNAL_RESPOND,
    "signals:dismiss": C.SIGNAL_RESPOND,
    "GET /api/v1/signals": C.AGGREGATE_READ,
    "GET /api/v1/signals/{signal_id}": C.AGGREGATE_READ,
    "POST /api/v1/signals/{signal_id}/accept": C.SIGNAL_RESPOND,
    "POST /api/v1/signals/{signal_id}/dismiss": C.SIGNAL_RESPOND,
}
