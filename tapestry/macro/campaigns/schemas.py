"""Typed request and response bodies of the campaigns API (field names after OSDI where it has them)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema

from tapestry.evidence.suppression import suppress_count
from tapestry.macro.campaigns.models import Activity, Attendee, Campaign, Outreach
from tapestry.web.schemas import Input, StaffRef, label_of, stripped_text

CampaignKind = Literal[tuple(Campaign.Kind.values)]
CampaignStatus = Literal[tuple(Campaign.Status.values)]
ActivityKind = Literal[tuple(Activity.Kind.values)]
OutreachType = Literal[tuple(Outreach.Type.values)]
AttendeeStatus = Literal[tuple(Attendee.Status.values)]
Text = stripped_text(8000)


class CampaignIn(Input):
    title: stripped_text(200, required=True)
    kind: CampaignKind
    status: CampaignStatus = "planning"
    summary: stripped_text(300) = ""
    goals: stripped_text(4000, required=True)
    needs: list[str] = Field(default_factory=list, description="Need codes, from GET /api/v1/needs.")
    partner_ids: list[int] = Field(default_factory=list, description="Partner organisations.")
    coalition_id: int | None = Field(
        None, description="The coalition that runs it, from GET /api/v1/coalitions."
    )
    lead_id: int | None = None
    starts_on: date = Field(default_factory=timezone.localdate)
    ends_on: date | None = None
    outcome: Text = ""
    revenue_goal: Decimal | None = Field(
        None, gt=0, max_digits=12, decimal_places=2, description="US dollars."
    )


class CampaignPatch(Input):
    version: int = Field(ge=1, description="The version you read; a stale one is refused with 409.")
    title: stripped_text(200, required=True) | None = None
    kind: CampaignKind | None = None
    status: CampaignStatus | None = None
    summary: stripped_text(300) | None = None
    goals: stripped_text(4000, required=True) | None = None
    needs: list[str] | None = None
    partner_ids: list[int] | None = None
    coalition_id: int | None = None
    lead_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    outcome: Text | None = None
    revenue_goal: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2)


class CampaignTargetIn(Input):
    given_name: stripped_text(100) = ""
    family_name: stripped_text(100, required=True)
    title: stripped_text(200) = ""
    organization: stripped_text(200) = ""
    email: stripped_text(254) = ""
    phone: stripped_text(40) = ""


class CampaignTargetOut(Schema):
    id: int
    given_name: str
    family_name: str
    title: str
    organization: str
    total_outreaches: int = Field(0, description="Outreach logged to this target.")

    @staticmethod
    def resolve_total_outreaches(obj: object) -> int:
        return getattr(obj, "outreach_count", 0)


class CampaignMilestoneIn(Input):
    milestone: stripped_text(300, required=True)
    due_on: date


class CampaignMilestoneOut(Schema):
    id: int
    milestone: str
    due_on: date
    reached_on: date | None


class CampaignActivityIn(Input):
    kind: ActivityKind
    held_on: date = Field(default_factory=timezone.localdate)
    title: stripped_text(200, required=True)
    description: Text = ""
    reach: int | None = Field(None, ge=0)
    attendance: int | None = Field(None, ge=0, description="For an event only.")


class CampaignActivityOut(Schema):
    id: int
    kind: ActivityKind
    kind_label: str = label_of("kind")
    held_on: date
    title: str
    description: str
    reach: int | None
    attendance: int | None


class CampaignPetitionIn(Input):
    title: stripped_text(200, required=True)
    petition_text: stripped_text(8000, required=True)
    target_id: int | None = Field(None, description="One of the campaign's targets.")
    signature_goal: int | None = Field(None, ge=1)


class CampaignPetitionOut(Schema):
    id: int
    title: str
    petition_text: str
    target_id: int | None
    signature_goal: int | None
    total_signatures: int = 0

    @staticmethod
    def resolve_total_signatures(obj: object) -> int:
        return getattr(obj, "signature_count", 0)


class CampaignSupporterIn(Input):
    given_name: stripped_text(100, required=True)
    family_name: stripped_text(100) = ""
    email: stripped_text(254) = ""
    phone: stripped_text(40) = ""
    postal_code: stripped_text(20) = ""
    may_contact: bool = False


class CampaignSupporterOut(Schema):
    id: int
    given_name: str
    family_name: str
    email: str
    phone: str
    postal_code: str
    may_contact: bool


class CampaignSignatureIn(Input):
    supporter_id: int | None = Field(None, description="A supporter already recorded...")
    supporter: CampaignSupporterIn | None = Field(
        None, description="...or a new one, recorded with the signature."
    )
    comments: stripped_text(1000) = ""


class CampaignSignatureOut(Schema):
    id: int
    supporter: CampaignSupporterOut
    signed_on: date
    comments: str


class CampaignAttendanceIn(Input):
    supporter_id: int | None = Field(None, description="A supporter already recorded...")
    supporter: CampaignSupporterIn | None = Field(
        None, description="...or a new one, recorded with the answer."
    )
    status: AttendeeStatus = Field("accepted", description="The answer, as OSDI writes it.")
    attended: bool | None = Field(None, description="Whether they came; null until the event is held.")
    comment: stripped_text(1000) = ""


class CampaignAttendanceOut(Schema):
    id: int
    supporter: CampaignSupporterOut
    status: str
    attended: bool | None
    answered_on: date
    comment: str


class CampaignOutreachIn(Input):
    target_id: int = Field(description="One of the campaign's targets.")
    type: OutreachType
    supporter_id: int | None = Field(None, description="The supporter who made it; null when we did.")
    made_on: date = Field(default_factory=timezone.localdate)
    subject: stripped_text(200) = ""
    message: Text = ""
    duration_minutes: int | None = Field(None, ge=0)


class CampaignOutreachOut(Schema):
    id: int
    target_id: int
    type: OutreachType
    supporter_id: int | None
    made_on: date
    subject: str
    duration_minutes: int | None


class CampaignSummaryOut(Schema):
    id: int
    version: int
    title: str
    kind: CampaignKind
    kind_label: str = label_of("kind")
    status: CampaignStatus
    summary: str
    coalition_id: int | None
    lead: StaffRef | None
    starts_on: date
    ends_on: date | None


class CampaignListOut(CampaignSummaryOut):
    total_targets: int
    total_signatures: int
    total_outreaches: int

    @staticmethod
    def resolve_total_targets(obj: object) -> int:
        return obj.target_count

    @staticmethod
    def resolve_total_signatures(obj: object) -> int:
        return obj.signature_count

    @staticmethod
    def resolve_total_outreaches(obj: object) -> int:
        return obj.outreach_count


class CampaignWonServiceIn(Input):
    organisation: stripped_text(255, required=True) = Field(
        description="Who runs it; an organisation already in the directory with this name is reused."
    )
    name: stripped_text(255, required=True)
    description: Text = ""
    needs: list[str] = Field(description="Need codes it meets, from GET /api/v1/needs; at least one.")
    phone: stripped_text(50) = ""
    line1: stripped_text(255) = Field("", description="Street address.")
    city: stripped_text(100) = ""
    state: stripped_text(100) = ""
    postcode: stripped_text(20) = Field("", description="ZIP code; a street address or a ZIP code is needed.")


class CampaignWonServiceOut(Schema):
    id: int = Field(description="The directory service, as GET /api/v1/directory/services/{service_id}.")
    name: str
    organisation: str

    @staticmethod
    def resolve_organisation(obj: object) -> str:
        return obj.organization.name


class CampaignOut(CampaignSummaryOut):
    goals: str
    outcome: str
    needs: list[str]
    partner_ids: list[int]
    won_services: list[CampaignWonServiceOut] = Field(
        description="What the campaign won, added to the directory for referrals."
    )
    targets: list[CampaignTargetOut]
    milestones: list[CampaignMilestoneOut]
    activities: list[CampaignActivityOut]
    petitions: list[CampaignPetitionOut]
    revenue_goal: Decimal | None
    revenue_raised: Decimal = Field(description="Non-void donations linked to the campaign, in US dollars.")
    total_donors: int | None = Field(description="Who gave; null when fewer than the suppression threshold.")

    @staticmethod
    def resolve_revenue_raised(obj: Campaign) -> Decimal:
        return (getattr(obj, "revenue_raised", None) or Decimal("0")).quantize(Decimal("0.01"))

    @staticmethod
    def resolve_total_donors(obj: Campaign) -> int | None:
        return suppress_count("Donors", getattr(obj, "donor_count", 0)).value

    @staticmethod
    def resolve_needs(obj: Campaign) -> list[str]:
        return [need.code for need in obj.needs.all()]

    @staticmethod
    def resolve_partner_ids(obj: Campaign) -> list[int]:
        return [organisation.pk for organisation in obj.partners.all()]

    @staticmethod
    def resolve_targets(obj: Campaign) -> list:
        return list(obj.targets.all())

    @staticmethod
    def resolve_milestones(obj: Campaign) -> list:
        return list(obj.milestones.all())

    @staticmethod
    def resolve_activities(obj: Campaign) -> list:
        return list(obj.activities.all())

    @staticmethod
    def resolve_petitions(obj: Campaign) -> list:
        return list(obj.petitions.all())
