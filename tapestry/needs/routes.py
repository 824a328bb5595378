"""The needs app's rows of the route table: the taxonomy holds no one's data, so any staff may read it."""

from __future__ import annotations

from tapestry.access.routes import AUTHENTICATED

ROUTES: dict[str, str] = {
    "needs:catalogue": AUTHENTICATED,
    "GET /api/v1/needs": AUTHENTICATED,
    "GET /api/v1/barriers": AUTHENTICATED,
    "GET /api/v1/interventions": AUTHENTICATED,
}
