"""URL arguments for the campaigns' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.macro.campaigns.tests.helpers import campaign_with, event_with


def examples(world: dict) -> dict[str, dict]:
    campaign = campaign_with(1, title="Matrix campaign")
    petition = campaign.petitions.get()
    milestone = campaign.milestones.get()
    event = event_with(campaign, 1)
    answer = event.attendees.get()
    by_campaign = {"pk": campaign.pk}
    api_campaign = {"campaign_id": campaign.pk}
    return {
        "campaigns:campaign_detail": by_campaign,
        "campaigns:campaign_edit": by_campaign,
        "campaigns:target_add": by_campaign,
        "campaigns:milestone_add": by_campaign,
        "campaigns:activity_add": by_campaign,
        "campaigns:petition_add": by_campaign,
        "campaigns:outreach_log": by_campaign,
        "campaigns:won_service_add": by_campaign,
        "campaigns:milestone_reached": {"pk": milestone.pk},
        "campaigns:osdi_export": by_campaign,
        "GET /api/v1/campaigns/{campaign_id}/osdi": api_campaign,
        "campaigns:petition_detail": {"pk": petition.pk},
        "campaigns:signature_add": {"pk": petition.pk},
        "campaigns:event_detail": {"pk": event.pk},
        "campaigns:attendee_add": {"pk": event.pk},
        "campaigns:attendee_mark": {"pk": answer.pk},
        "GET /api/v1/campaign-events/{event_id}/attendances": {"event_id": event.pk},
        "POST /api/v1/campaign-events/{event_id}/attendances": {"event_id": event.pk},
        "GET /api/v1/campaigns/{campaign_id}": api_campaign,
        "PATCH /api/v1/campaigns/{campaign_id}": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/targets": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/milestones": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/activities": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/petitions": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/outreaches": api_campaign,
        "POST /api/v1/campaigns/{campaign_id}/won-services": api_campaign,
        "POST /api/v1/campaign-milestones/{milestone_id}/reached": {"milestone_id": milestone.pk},
        "GET /api/v1/campaign-petitions/{petition_id}/signatures": {"petition_id": petition.pk},
        "POST /api/v1/campaign-petitions/{petition_id}/signatures": {"petition_id": petition.pk},
    }
