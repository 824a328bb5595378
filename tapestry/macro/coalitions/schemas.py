"""Typed request and response bodies of the coalitions API."""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema

from tapestry.macro.coalitions.models import Coalition, Membership, SharedGoal
from tapestry.web.schemas import Input, StaffRef, label_of, stripped_text

CoalitionStatus = Literal[tuple(Coalition.Status.values)]
MemberRole = Literal[tuple(Membership.Role.values)]
GoalStatus = Literal[tuple(SharedGoal.Status.values)]
LongText = stripped_text(8000)


class CoalitionIn(Input):
    name: stripped_text(200, required=True)
    purpose: stripped_text(4000, required=True)
    status: CoalitionStatus = "active"
    needs: list[str] = Field(default_factory=list, description="Need codes, from GET /api/v1/needs.")
    our_lead_id: int | None = Field(None, description="Our member of staff who represents the agency.")
    formed_on: date = Field(default_factory=timezone.localdate)
    ended_on: date | None = None


class CoalitionPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    name: stripped_text(200, required=True) | None = None
    purpose: stripped_text(4000, required=True) | None = None
    status: CoalitionStatus | None = None
    needs: list[str] | None = None
    our_lead_id: int | None = None
    formed_on: date | None = None
    ended_on: date | None = None


class CoalitionOrganisationRef(Schema):
    id: int
    name: str


class CoalitionMemberIn(Input):
    organisation_id: int = Field(description="From GET /api/v1/organisations.")
    role: MemberRole = "member"
    commitments: LongText = ""
    joined_on: date = Field(default_factory=timezone.localdate)


class CoalitionMemberOut(Schema):
    id: int
    organisation: CoalitionOrganisationRef
    role: MemberRole
    role_label: str = label_of("role")
    commitments: str
    joined_on: date
    left_on: date | None


class CoalitionGoalIn(Input):
    goal: stripped_text(300, required=True)
    target_date: date | None = None


class CoalitionGoalOut(Schema):
    id: int
    goal: str
    target_date: date | None
    status: GoalStatus


class CoalitionActionIn(Input):
    action: stripped_text(300, required=True)
    due_on: date
    owner_id: int | None = Field(None, description="A current member (the `id` of a member), or null.")
    our_owner_id: int | None = Field(None, description="Our member of staff, or null; one owner at least.")


class CoalitionActionPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    action: stripped_text(300, required=True) | None = None
    due_on: date | None = None
    done_on: date | None = None
    owner_id: int | None = None
    our_owner_id: int | None = None


class CoalitionActionOut(Schema):
    id: int
    version: int
    action: str
    meeting_id: int | None
    owner_id: int | None = Field(None, description="The member that owns it.")
    our_owner: StaffRef | None
    due_on: date
    done_on: date | None
    overdue: bool

    @staticmethod
    def resolve_overdue(obj: object) -> bool:
        return obj.is_overdue


class CoalitionMeetingIn(Input):
    held_on: date
    place: stripped_text(200) = ""
    summary: LongText = ""
    decisions: list[stripped_text(1000, required=True)] = Field(default_factory=list)
    attending_ids: list[int] = Field(default_factory=list, description="Members (their `id`) who came.")
    actions: list[CoalitionActionIn] = Field(
        default_factory=list, description="Action items agreed at the meeting."
    )


class CoalitionMeetingOut(Schema):
    id: int
    held_on: date
    place: str
    summary: str
    decisions: list[str]
    attending_ids: list[int]

    @staticmethod
    def resolve_decisions(obj: object) -> list[str]:
        return obj.decision_list

    @staticmethod
    def resolve_attending_ids(obj: object) -> list[int]:
        return [member.pk for member in obj.attending.all()]


class CoalitionSummaryOut(Schema):
    id: int
    version: int
    name: str
    status: CoalitionStatus
    our_lead: StaffRef | None
    formed_on: date
    ended_on: date | None


class CoalitionListOut(CoalitionSummaryOut):
    member_count: int
    open_actions: int
    overdue_actions: int


class CoalitionOut(CoalitionSummaryOut):
    purpose: str
    needs: list[str]
    members: list[CoalitionMemberOut]
    goals: list[CoalitionGoalOut]
    meetings: list[CoalitionMeetingOut]
    action_items: list[CoalitionActionOut]
    campaign_ids: list[int] = Field(description="The campaigns it runs.")

    @staticmethod
    def resolve_campaign_ids(obj: Coalition) -> list[int]:
        return [campaign.pk for campaign in obj.campaigns.all()]

    @staticmethod
    def resolve_needs(obj: Coalition) -> list[str]:
        return [need.code for need in obj.needs.all()]

    @staticmethod
    def resolve_members(obj: Coalition) -> list:
        return list(obj.memberships.all())

    @staticmethod
    def resolve_goals(obj: Coalition) -> list:
        return list(obj.goals.all())

    @staticmethod
    def resolve_meetings(obj: Coalition) -> list:
        return list(obj.meetings.all())

    @staticmethod
    def resolve_action_items(obj: Coalition) -> list:
        return list(obj.action_items.all())
