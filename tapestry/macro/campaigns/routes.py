"""The campaigns app's rows of the route table (see tapestry/access/routes.py).

A campaign names decision makers, partner organisations and our staff, never a client: anyone who
reads aggregates may read it, with petitions and outreach as counts. Recording its work, and every
read of supporters (community members' names and contacts), is policy work.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "campaigns:campaign_list": C.AGGREGATE_READ,
    "campaigns:campaign_detail": C.AGGREGATE_READ,
    "campaigns:petition_detail": C.AGGREGATE_READ,
    "campaigns:event_detail": C.AGGREGATE_READ,
    "campaigns:attendee_add": C.POLICY_WORK,
    "campaigns:attendee_mark": C.POLICY_WORK,
    "campaigns:campaign_create": C.POLICY_WORK,
    "campaigns:campaign_edit": C.POLICY_WORK,
    "campaigns:target_add": C.POLICY_WORK,
    "campaigns:milestone_add": C.POLICY_WORK,
    "campaigns:milestone_reached": C.POLICY_WORK,
    "campaigns:activity_add": C.POLICY_WORK,
    "campaigns:petition_add": C.POLICY_WORK,
    "campaigns:signature_add": C.POLICY_WORK,
    "campaigns:outreach_log": C.POLICY_WORK,
    "campaigns:won_service_add": C.POLICY_WORK,
    "campaigns:supporter_list": C.POLICY_WORK,
    "campaigns:osdi_export": C.POLICY_WORK,
    "campaigns:osdi_import": C.POLICY_WORK,
    "campaigns:supporter_add": C.POLICY_WORK,
    "GET /api/v1/campaigns": C.AGGREGATE_READ,
    "POST /api/v1/campaigns": C.POLICY_WORK,
    "GET /api/v1/campaigns/{campaign_id}": C.AGGREGATE_READ,
    "PATCH /api/v1/campaigns/{campaign_id}": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/targets": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/milestones": C.POLICY_WORK,
    "POST /api/v1/campaign-milestones/{milestone_id}/reached": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/activities": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/petitions": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/outreaches": C.POLICY_WORK,
    "POST /api/v1/campaigns/{campaign_id}/won-services": C.POLICY_WORK,
    "GET /api/v1/campaign-petitions/{petition_id}/signatures": C.POLICY_WORK,
    "POST /api/v1/campaign-petitions/{petition_id}/signatures": C.POLICY_WORK,
    "GET /api/v1/campaign-events/{event_id}/attendances": C.POLICY_WORK,
    "POST /api/v1/campaign-events/{event_id}/attendances": C.POLICY_WORK,
    "GET /api/v1/campaign-supporters": C.POLICY_WORK,
    "POST /api/v1/campaign-supporters": C.POLICY_WORK,
    "GET /api/v1/campaigns/{campaign_id}/osdi": C.POLICY_WORK,
    "POST /api/v1/campaign-imports/osdi": C.POLICY_WORK,
}
