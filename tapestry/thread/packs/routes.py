"""The packs app's rows of the route table (see tapestry/access/routes.py).

A pack shows counts that identify no one and stories scrubbed and approved: whoever reads
aggregates may read and download one (each download audited); defining one is policy work.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "packs:pack_list": C.AGGREGATE_READ,
    "packs:pack_detail": C.AGGREGATE_READ,
    "packs:pack_pdf": C.AGGREGATE_READ,
    "packs:pack_csv": C.AGGREGATE_READ,
    "packs:pack_create": C.POLICY_WORK,
    "packs:pack_edit": C.POLICY_WORK,
    "GET /api/v1/evidence-packs": C.AGGREGATE_READ,
    "POST /api/v1/evidence-packs": C.POLICY_WORK,
    "GET /api/v1/evidence-packs/{pack_id}": C.AGGREGATE_READ,
}
