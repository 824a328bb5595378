"""API schemas of the level advisor."""

# No `from __future__ import annotations`: ninja reads the field types at runtime.

from ninja import Field, Schema

from tapestry.web.schemas import Input, stripped_text


class AdvisedIntervention(Schema):
    code: str
    name: str
    acts: str = Field(description="The local option to act on: group, service, campaign, or empty.")


class AdvisedLevel(Schema):
    level: str = Field(description="micro, mezzo or macro.")
    interventions: list[AdvisedIntervention]


class AdvisedGroup(Schema):
    id: int
    name: str
    kind: str
    status: str
    area: str | None = Field(description="The area it meets in, if named.")
    local: bool = Field(description="It meets in an area that holds the client's current postcode.")
    near: bool = Field(description="It meets in an area inside one of those (a neighbouring area).")
    availability: str = Field(
        description="places_available, nearly_full, full or full_waiting_list (numbers only on the group's "
        "own pages, for those who run it)."
    )
    member_status: str = Field(
        description="enrolled or waiting if the client already holds a place, else empty."
    )
    program_id: int | None


class AdvisedProgram(Schema):
    id: int
    name: str


class AdvisedService(Schema):
    id: int
    name: str
    organization: str
    nearness: str = Field(description="Why it is near the client, if it is; empty otherwise.")
    addresses: list[str]


class AdvisedCampaign(Schema):
    id: int
    title: str
    status: str
    summary: str


class NeedAdviceOut(Schema):
    case_need_id: int
    need: str = Field(description="The need's code (GET /api/v1/needs).")
    label: str
    status: str
    levels: list[AdvisedLevel]
    groups: list[AdvisedGroup]
    programs: list[AdvisedProgram]
    services: list[AdvisedService]
    campaigns: list[AdvisedCampaign]


class AdviceOut(Schema):
    case_id: int
    postcode_known: bool = Field(
        description="Whether a current, not confidential, postcode ranked the options."
    )
    areas: list[str] = Field(description="The areas holding the client's postcode.")
    needs: list[NeedAdviceOut]


class CampaignNoticeIn(Input):
    campaign_id: int = Field(description="An active or planned campaign (GET /api/v1/campaigns).")
    case_need_id: int = Field(description="The need on this case the campaign works on.")
    note: stripped_text(2000) = ""


class CampaignNoticeOut(Schema):
    advocacy_action_id: int = Field(
        description="The advocacy-log entry recorded (GET /api/v1/advocacy/{id})."
    )
    campaign_id: int
    case_need_id: int
