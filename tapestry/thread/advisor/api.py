"""API routes of the level advisor: a case's advice, and telling the client about a campaign.

Enrolling and referring from the advice use the level APIs that exist already:
POST /api/v1/groups/{group_id}/members with `case_id` (and `wait_list`), and
POST /api/v1/cases/{case_id}/referrals with `service_id` and `case_need_ids`.
"""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router

from tapestry.thread.advisor import selectors, services
from tapestry.thread.advisor.schemas import AdviceOut, CampaignNoticeIn, CampaignNoticeOut
from tapestry.web.schemas import created, error_responses

router = Router(tags=["advisor"])
BODY_FIELDS = {"campaign": "campaign_id", "need": "case_need_id"}


def _advice_out(advice: selectors.Advice) -> dict:
    return {
        "case_id": advice.case.pk,
        "postcode_known": bool(advice.postcode),
        "areas": [area.name for area in advice.areas],
        "needs": [
            {
                "case_need_id": item.case_need.pk,
                "need": item.need.code,
                "label": item.need.label,
                "status": item.case_need.status,
                "levels": [
                    {
                        "level": level,
                        "interventions": [{"code": k.code, "name": k.name, "acts": k.acts} for k in kinds],
                    }
                    for level, _, kinds in item.interventions
                ],
                "groups": [
                    {
                        "id": g.pk,
                        "name": g.name,
                        "kind": g.kind,
                        "status": g.status,
                        "area": g.area.name if g.area else None,
                        "local": g.local,
                        "near": g.near,
                        "availability": g.availability.band.value,
                        "member_status": g.member_status,
                        "program_id": g.program_id,
                    }
                    for g in item.groups
                ],
                "programs": [{"id": p.pk, "name": p.name} for p in item.programs],
                "services": [
                    {
                        "id": s.pk,
                        "name": s.name,
                        "organization": s.organization.name,
                        "nearness": s.nearness,
                        "addresses": [place.address_line for place in s.places],
                    }
                    for s in item.services
                ],
                "campaigns": [
                    {"id": c.pk, "title": c.title, "status": c.status, "summary": c.summary}
                    for c in item.campaigns
                ],
            }
            for item in advice.needs
        ],
    }


@router.get(
    "/advisor/cases/{case_id}",
    response={200: AdviceOut, **error_responses(404, 422)},
    summary="Suggestions for a case's open needs on the three levels",
    description=(
        "For each open need: the kinds of intervention that fit it (micro, mezzo, macro), groups taking "
        "members that address it (local first), the programs those groups belong to, directory services "
        "(nearest first) and active or planned campaigns on it. The read is audited."
    ),
)
def case_advice(request: HttpRequest, case_id: int) -> dict:
    return _advice_out(selectors.case_advice(user=request.user, case_id=case_id))


@created(
    router,
    "/advisor/cases/{case_id}/campaign-notices",
    CampaignNoticeOut,
    summary="Record that the client was told about a campaign",
    description=(
        "Written as an advocacy-log entry (rights information given). The client is not added to the "
        "campaign's supporters."
    ),
)
def campaign_notice_create(request: HttpRequest, case_id: int, payload: CampaignNoticeIn) -> dict:
    case = selectors.case_for_change(user=request.user, case_id=case_id)
    try:
        action = services.advice_tell_campaign(
            actor=request.user,
            case=case,
            campaign_id=payload.campaign_id,
            case_need_id=payload.case_need_id,
            note=payload.note,
        )
    except ValidationError as error:
        # The service names its fields as the page's form does; the body names them by id.
        raise ValidationError(
            {BODY_FIELDS.get(name, name): messages for name, messages in error.message_dict.items()}
        ) from error
    return {
        "advocacy_action_id": action.pk,
        "campaign_id": payload.campaign_id,
        "case_need_id": payload.case_need_id,
    }
