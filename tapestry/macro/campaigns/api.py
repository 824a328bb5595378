"""API routes of campaigns: campaigns and their parts, petitions and signatures, outreach, supporters."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Body, Query, Router

from tapestry.directory.models import Service
from tapestry.directory.services import NewService
from tapestry.macro import choices
from tapestry.macro.campaigns import osdi, selectors, services
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Milestone,
    Outreach,
    Petition,
    Signature,
    Supporter,
)
from tapestry.macro.campaigns.schemas import (
    CampaignActivityIn,
    CampaignActivityOut,
    CampaignAttendanceIn,
    CampaignAttendanceOut,
    CampaignIn,
    CampaignKind,
    CampaignListOut,
    CampaignMilestoneIn,
    CampaignMilestoneOut,
    CampaignOut,
    CampaignOutreachIn,
    CampaignOutreachOut,
    CampaignPatch,
    CampaignPetitionIn,
    CampaignPetitionOut,
    CampaignSignatureIn,
    CampaignSignatureOut,
    CampaignStatus,
    CampaignSupporterIn,
    CampaignSupporterOut,
    CampaignTargetIn,
    CampaignTargetOut,
    CampaignWonServiceIn,
    CampaignWonServiceOut,
)
from tapestry.web.ids import picked, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["campaigns"])


def _campaign_records(data: dict[str, Any]) -> dict[str, Any]:
    resolve_ids(
        data,
        {
            "lead_id": (choices.staff_member, "No active member of staff with this number."),
            "coalition_id": (
                lambda pk: selectors.coalition_choices().filter(pk=pk).first(),
                "No coalition with this number.",
            ),
        },
        nullable=("lead_id", "coalition_id"),
    )
    if data.get("needs") is not None:
        data["needs"] = choices.needs_by_code(data["needs"])
    if data.get("partner_ids") is not None:
        data["partners"] = picked(
            choices.organisation_choices(),
            data.pop("partner_ids"),
            "partner_ids",
            "No organisations with the numbers",
        )
    return data


def _part_records(campaign: Campaign, data: dict[str, Any]) -> dict[str, Any]:
    """A target or supporter named by number: one of this campaign's targets, a recorded supporter."""
    return resolve_ids(
        data,
        {
            "target_id": (
                lambda pk: campaign.targets.filter(pk=pk).first(),
                "No target of this campaign with this number.",
            ),
            "supporter_id": (
                lambda pk: selectors.supporter_choices().filter(pk=pk).first(),
                "No supporter with this number.",
            ),
        },
        nullable=("target_id", "supporter_id"),
    )


def _fresh(request: HttpRequest, campaign: Campaign) -> Campaign:
    return selectors.campaign_get(user=request.user, campaign_id=campaign.pk)


@paged_get(router, "/campaigns", CampaignListOut, errors=(422,), summary="List campaigns")
def campaign_list(
    request: HttpRequest, kind: CampaignKind | None = None, status: CampaignStatus | None = None
) -> QuerySet[Campaign]:
    return selectors.campaign_list(user=request.user, kind=kind or "", status=status or "")


@created(router, "/campaigns", CampaignOut, errors=(400, 422), summary="Start a campaign")
def campaign_create(request: HttpRequest, payload: CampaignIn) -> Campaign:
    return _fresh(
        request, services.campaign_create(actor=request.user, **_campaign_records(payload.model_dump()))
    )


@router.get(
    "/campaigns/{campaign_id}",
    response={200: CampaignOut, **error_responses(404, 422)},
    summary="Open a campaign",
    description="Its targets (with outreach counted), milestones, activities and petitions (with signatures counted).",
)
def campaign_detail(request: HttpRequest, campaign_id: int) -> Campaign:
    return selectors.campaign_get(user=request.user, campaign_id=campaign_id)


@router.patch(
    "/campaigns/{campaign_id}",
    response={200: CampaignOut, **error_responses(400, 404, 409, 422)},
    summary="Change a campaign",
    description="Send the `version` you read. A campaign is closed (won, lost...) only with its `outcome`.",
)
def campaign_update(request: HttpRequest, campaign_id: int, payload: CampaignPatch) -> Campaign:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(
        changes,
        ("title", "kind", "status", "summary", "goals", "needs", "partner_ids", "starts_on", "outcome"),
    )
    changes = _campaign_records(changes)
    services.campaign_update(
        actor=request.user,
        campaign=campaign,
        version=payload.version,
        needs=changes.pop("needs", None),
        partners=changes.pop("partners", None),
        changes=changes,
    )
    return _fresh(request, campaign)


@created(router, "/campaigns/{campaign_id}/targets", CampaignTargetOut, summary="Name a target")
def campaign_target_add(request: HttpRequest, campaign_id: int, payload: CampaignTargetIn) -> Any:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return services.target_add(actor=request.user, campaign=campaign, **payload.model_dump())


@created(
    router,
    "/campaigns/{campaign_id}/won-services",
    CampaignWonServiceOut,
    summary="Add the program a won campaign brought about to the directory",
)
def campaign_won_service_add(
    request: HttpRequest, campaign_id: int, payload: CampaignWonServiceIn
) -> Service:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    data = payload.model_dump()
    data["needs"] = choices.needs_by_code(data["needs"])
    return services.won_service_add(actor=request.user, campaign=campaign, new=NewService(**data))


@created(router, "/campaigns/{campaign_id}/milestones", CampaignMilestoneOut, summary="Set a milestone")
def campaign_milestone_add(request: HttpRequest, campaign_id: int, payload: CampaignMilestoneIn) -> Milestone:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return services.milestone_add(actor=request.user, campaign=campaign, **payload.model_dump())


@router.post(
    "/campaign-milestones/{milestone_id}/reached",
    response={200: CampaignMilestoneOut, **error_responses(400, 404)},
    summary="Mark a milestone reached",
)
def campaign_milestone_reached(request: HttpRequest, milestone_id: int) -> Milestone:
    milestone = selectors.milestone_get(user=request.user, milestone_id=milestone_id)
    return services.milestone_reached(actor=request.user, milestone=milestone)


@created(router, "/campaigns/{campaign_id}/activities", CampaignActivityOut, summary="Record an activity")
def campaign_activity_add(request: HttpRequest, campaign_id: int, payload: CampaignActivityIn) -> Activity:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return services.activity_add(actor=request.user, campaign=campaign, **payload.model_dump())


@created(router, "/campaigns/{campaign_id}/petitions", CampaignPetitionOut, summary="Start a petition")
def campaign_petition_add(request: HttpRequest, campaign_id: int, payload: CampaignPetitionIn) -> Petition:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return services.petition_add(
        actor=request.user, campaign=campaign, **_part_records(campaign, payload.model_dump())
    )


@created(
    router,
    "/campaigns/{campaign_id}/outreaches",
    CampaignOutreachOut,
    summary="Log an outreach to a target",
    description="A letter, email, call or visit to one of the campaign's targets, by a supporter or by us.",
)
def campaign_outreach_log(request: HttpRequest, campaign_id: int, payload: CampaignOutreachIn) -> Outreach:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return services.outreach_log(
        actor=request.user, campaign=campaign, **_part_records(campaign, payload.model_dump())
    )


@paged_get(
    router,
    "/campaign-petitions/{petition_id}/signatures",
    CampaignSignatureOut,
    summary="List who signed a petition",
    description="Supporters' names and contact details: for policy work only.",
)
def campaign_signature_list(request: HttpRequest, petition_id: int) -> QuerySet[Signature]:
    petition = selectors.petition_get(user=request.user, petition_id=petition_id)
    return selectors.signatures(user=request.user, petition=petition)


@created(
    router,
    "/campaign-petitions/{petition_id}/signatures",
    CampaignSignatureOut,
    summary="Add a signature",
    description="For a supporter already recorded (`supporter_id`), or a new one (`supporter`): both stored, or neither.",
)
def campaign_signature_add(request: HttpRequest, petition_id: int, payload: CampaignSignatureIn) -> Signature:
    petition = selectors.petition_get(user=request.user, petition_id=petition_id)
    with transaction.atomic():
        supporter = _supporter(request, petition.campaign, payload)
        return services.signature_add(
            actor=request.user, petition=petition, supporter=supporter, comments=payload.comments
        )


def _supporter(request: HttpRequest, campaign: Campaign, payload: Any) -> Supporter:
    """The supporter a payload names: one already recorded (`supporter_id`) or a new one (`supporter`)."""
    if (payload.supporter_id is None) == (payload.supporter is None):
        raise ValidationError(
            {"supporter_id": ["Send either supporter_id or a new supporter, not both or neither."]}
        )
    if payload.supporter is not None:
        return services.supporter_add(actor=request.user, **payload.supporter.model_dump())
    return _part_records(campaign, {"supporter_id": payload.supporter_id})["supporter"]


@paged_get(
    router,
    "/campaign-events/{event_id}/attendances",
    CampaignAttendanceOut,
    summary="List who answered an event's invitation, and who came",
    description="Supporters' names and contact details: for policy work only.",
)
def campaign_attendance_list(request: HttpRequest, event_id: int) -> QuerySet[Attendee]:
    event = selectors.event_get(user=request.user, event_id=event_id)
    return selectors.attendees(user=request.user, event=event)


@created(
    router,
    "/campaign-events/{event_id}/attendances",
    CampaignAttendanceOut,
    summary="Record an answer to an event's invitation",
    description="For a supporter already recorded (`supporter_id`), or a new one (`supporter`): both stored, or neither.",
)
def campaign_attendance_add(request: HttpRequest, event_id: int, payload: CampaignAttendanceIn) -> Attendee:
    event = selectors.event_get(user=request.user, event_id=event_id)
    with transaction.atomic():
        return services.attendee_add(
            actor=request.user,
            event=event,
            supporter=_supporter(request, event.campaign, payload),
            status=payload.status,
            attended=payload.attended,
            comment=payload.comment,
        )


@paged_get(router, "/campaign-supporters", CampaignSupporterOut, errors=(422,), summary="Find supporters")
def campaign_supporter_list(request: HttpRequest, q: str = "") -> QuerySet[Supporter]:
    return selectors.supporter_list(user=request.user, query=q)


@created(
    router, "/campaign-supporters", CampaignSupporterOut, errors=(400, 422), summary="Record a supporter"
)
def campaign_supporter_add(request: HttpRequest, payload: CampaignSupporterIn) -> Supporter:
    return services.supporter_add(actor=request.user, **payload.model_dump())


@router.get(
    "/campaigns/{campaign_id}/osdi",
    response={200: dict[str, Any], **error_responses(404, 422)},
    summary="Export a campaign as OSDI JSON",
    description=(
        "The campaign as one OSDI document: `_embedded` lists of `osdi:advocacy_campaigns` (with its "
        "`target_list` and `osdi:outreaches`), `osdi:petitions` (with `osdi:signatures`) and `osdi:events`; "
        "supporters as embedded `osdi:person`. Names supporters, so it is audited as an export."
    ),
)
def campaign_osdi_export(request: HttpRequest, campaign_id: int) -> dict[str, Any]:
    campaign = selectors.campaign_get(user=request.user, campaign_id=campaign_id)
    return osdi.export_campaign(actor=request.user, campaign=campaign)


@created(
    router,
    "/campaign-imports/osdi",
    CampaignOut,
    errors=(400, 422),
    summary="Import a campaign from OSDI JSON",
    description=(
        "The body is an OSDI document as the export writes it (one advocacy campaign). Every problem is "
        "reported under `errors.document` by its place in the document, and then nothing is stored."
    ),
)
def campaign_osdi_import(
    request: HttpRequest, kind: Query[CampaignKind], document: Body[dict[str, Any]]
) -> Campaign:
    try:
        campaign = osdi.import_campaign(actor=request.user, document=document, kind=kind)
    except osdi.ImportRefused as refused:
        raise ValidationError({"document": refused.report.problems}) from refused
    return _fresh(request, campaign)
