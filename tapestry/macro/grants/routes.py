"""The grants app's rows of the route table (see tapestry/access/routes.py).

Grants are agency records, not client records. Everything is GRANT_MANAGE (the grants officer),
proposals included, except the pipeline's summary (funder, title, stage, amounts, programs), which
AGGREGATE_READ holders (leadership, supervisors, program managers, evaluators) may also read.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "grants:pipeline": C.AGGREGATE_READ,
    "grants:funder_list": C.GRANT_MANAGE,
    "grants:funder_create": C.GRANT_MANAGE,
    "grants:funder_detail": C.GRANT_MANAGE,
    "grants:funder_edit": C.GRANT_MANAGE,
    "grants:opportunity_list": C.GRANT_MANAGE,
    "grants:opportunity_create": C.GRANT_MANAGE,
    "grants:opportunity_detail": C.GRANT_MANAGE,
    "grants:opportunity_edit": C.GRANT_MANAGE,
    "grants:application_create": C.GRANT_MANAGE,
    "grants:application_detail": C.GRANT_MANAGE,
    "grants:application_edit": C.GRANT_MANAGE,
    "grants:application_move": C.GRANT_MANAGE,
    "grants:proposal_save": C.GRANT_MANAGE,
    "grants:proposal_version": C.GRANT_MANAGE,
    "grants:award_create": C.GRANT_MANAGE,
    "grants:award_edit": C.GRANT_MANAGE,
    "grants:award_program_add": C.GRANT_MANAGE,
    "grants:deliverable_add": C.GRANT_MANAGE,
    "grants:report_add": C.GRANT_MANAGE,
    "grants:deliverable_edit": C.GRANT_MANAGE,
    "grants:report_edit": C.GRANT_MANAGE,
    "grants:deadline_list": C.GRANT_MANAGE,
    "GET /api/v1/grants/pipeline": C.AGGREGATE_READ,
    "GET /api/v1/grants/funders": C.GRANT_MANAGE,
    "POST /api/v1/grants/funders": C.GRANT_MANAGE,
    "GET /api/v1/grants/funders/{funder_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/funders/{funder_id}": C.GRANT_MANAGE,
    "GET /api/v1/grants/opportunities": C.GRANT_MANAGE,
    "POST /api/v1/grants/opportunities": C.GRANT_MANAGE,
    "GET /api/v1/grants/opportunities/{opportunity_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/opportunities/{opportunity_id}": C.GRANT_MANAGE,
    "GET /api/v1/grants/applications": C.GRANT_MANAGE,
    "POST /api/v1/grants/applications": C.GRANT_MANAGE,
    "GET /api/v1/grants/applications/{application_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/applications/{application_id}": C.GRANT_MANAGE,
    "POST /api/v1/grants/applications/{application_id}/stage": C.GRANT_MANAGE,
    "GET /api/v1/grants/applications/{application_id}/proposal-versions": C.GRANT_MANAGE,
    "POST /api/v1/grants/applications/{application_id}/proposal-versions": C.GRANT_MANAGE,
    "POST /api/v1/grants/applications/{application_id}/award": C.GRANT_MANAGE,
    "GET /api/v1/grants/awards/{award_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/awards/{award_id}": C.GRANT_MANAGE,
    "POST /api/v1/grants/awards/{award_id}/programs": C.GRANT_MANAGE,
    "POST /api/v1/grants/awards/{award_id}/deliverables": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/deliverables/{deliverable_id}": C.GRANT_MANAGE,
    "POST /api/v1/grants/awards/{award_id}/reports": C.GRANT_MANAGE,
    "PATCH /api/v1/grants/reports/{report_id}": C.GRANT_MANAGE,
    "GET /api/v1/grants/deadlines": C.GRANT_MANAGE,
}
