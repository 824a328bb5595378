"""The legislation app's rows of the route table (see tapestry/access/routes.py).

Bills, positions, testimony and contacts name no client: every aggregate reader may read them;
writing needs POLICY_WORK (the community organiser / policy advocate). Following a bill (to be
reminded before its hearings) is open to every reader.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "legislation:bill_list": C.AGGREGATE_READ,
    "legislation:bill_detail": C.AGGREGATE_READ,
    "legislation:bill_follow": C.AGGREGATE_READ,
    "legislation:bill_openstates": C.AGGREGATE_READ,
    "legislation:bill_create": C.POLICY_WORK,
    "legislation:bill_import": C.POLICY_WORK,
    "legislation:legislators": C.POLICY_WORK,
    "legislation:bill_edit": C.POLICY_WORK,
    "legislation:action_add": C.POLICY_WORK,
    "legislation:sponsorship_add": C.POLICY_WORK,
    "legislation:version_add": C.POLICY_WORK,
    "legislation:position_edit": C.POLICY_WORK,
    "legislation:paper_add": C.POLICY_WORK,
    "legislation:paper_revise": C.POLICY_WORK,
    "legislation:testimony_add": C.POLICY_WORK,
    "legislation:contact_add": C.POLICY_WORK,
    "legislation:hearing_add": C.POLICY_WORK,
    "GET /api/v1/legislation/bills": C.AGGREGATE_READ,
    "POST /api/v1/legislation/bills": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/import": C.POLICY_WORK,
    "GET /api/v1/legislation/bills/{bill_id}": C.AGGREGATE_READ,
    "PATCH /api/v1/legislation/bills/{bill_id}": C.POLICY_WORK,
    "GET /api/v1/legislation/bills/{bill_id}/openstates": C.AGGREGATE_READ,
    "POST /api/v1/legislation/bills/{bill_id}/actions": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/sponsorships": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/versions": C.POLICY_WORK,
    "PUT /api/v1/legislation/bills/{bill_id}/position": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/papers": C.POLICY_WORK,
    "POST /api/v1/legislation/papers/{paper_id}/versions": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/testimony": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/contacts": C.POLICY_WORK,
    "POST /api/v1/legislation/bills/{bill_id}/hearings": C.POLICY_WORK,
    "GET /api/v1/legislation/legislators": C.AGGREGATE_READ,
    "POST /api/v1/legislation/legislators": C.POLICY_WORK,
}
