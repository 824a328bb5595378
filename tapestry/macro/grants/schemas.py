"""Typed request and response bodies of the grants API."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from tapestry.macro.grants.models import Funder, Opportunity, ReportingDeadline, Stage
from tapestry.needs.schemas import NeedOut
from tapestry.web.schemas import Input, StaffName, StaffRef, label_of, stripped_text

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Title = stripped_text(200, required=True)
Text = stripped_text(5000)
Note = stripped_text(300)
Section = stripped_text(50_000)
FunderKind = Literal[tuple(Funder.Kind.values)]
Fit = Literal[tuple(Opportunity.Fit.values)]
ReportKind = Literal[tuple(ReportingDeadline.Kind.values)]
StageCode = Literal[tuple(Stage.values)]


class Ref(Schema):
    id: int
    name: str


class FunderIn(Input):
    organisation_id: int = Field(description="The organisation (under Organisations) that gives the grants.")
    kind: FunderKind
    focus_need_ids: list[int] = Field([], description="Needs of the shared taxonomy it funds.")
    focus: Text = ""
    contact_id: int | None = Field(None, description="A contact of that organisation.")
    notes: Text = ""


class FunderPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    kind: FunderKind | None = None
    focus_need_ids: list[int] | None = None
    focus: Text | None = None
    contact_id: int | None = None
    notes: Text | None = None


class FunderOut(Schema):
    id: int
    organisation_id: int
    name: str = Field(validation_alias="organisation.name")
    kind: str
    kind_label: str = label_of("kind")
    focus_needs: list[NeedOut]
    focus: str
    contact_id: int | None
    notes: str
    version: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_focus_needs(obj: Funder) -> list:
        return list(obj.focus_needs.all())


class OpportunityIn(Input):
    funder_id: int
    title: Title
    amount_min: Money | None = None
    amount_max: Money | None = None
    deadline: date | None = None
    fit: Fit | None = Field(None, description="1 (poor) to 5 (strong); give `fit_reason` with it.")
    fit_reason: Text = ""
    eligibility: Text = ""
    program_ids: list[int] = Field([], description="Programs it would fund.")
    need_ids: list[int] = Field([], description="Needs it addresses.")


class OpportunityPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    title: Title | None = None
    amount_min: Money | None = None
    amount_max: Money | None = None
    deadline: date | None = None
    fit: Fit | None = None
    fit_reason: Text | None = None
    eligibility: Text | None = None
    program_ids: list[int] | None = None
    need_ids: list[int] | None = None


class OpportunityOut(Schema):
    id: int
    funder: Ref
    title: str
    amount_min: Decimal | None
    amount_max: Decimal | None
    deadline: date | None
    fit: int | None
    fit_reason: str
    eligibility: str
    programs: list[Ref]
    needs: list[NeedOut]
    version: int

    @staticmethod
    def resolve_funder(obj: Opportunity) -> dict:
        return {"id": obj.funder_id, "name": obj.funder.organisation.name}

    @staticmethod
    def resolve_programs(obj: Opportunity) -> list:
        return [{"id": p.pk, "name": p.name} for p in obj.programs.all()]

    @staticmethod
    def resolve_needs(obj: Opportunity) -> list:
        return list(obj.needs.all())


class ApplicationIn(Input):
    opportunity_id: int
    title: stripped_text(200) = Field("", description="The opportunity's title when left empty.")
    amount_requested: Money | None = None
    lead_id: int | None = Field(None, description="The staff member leading it; you when left out.")


class ApplicationPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    title: Title | None = None
    amount_requested: Money | None = None
    lead_id: int | None = None


class StageMoveIn(Input):
    version: int = Field(ge=1, description="The version you read.")
    stage: StageCode = Field(
        description="prospect → drafting → submitted → awarded or declined; any open stage → withdrawn."
    )
    on: date | None = Field(None, description="When it happened; today when left out.")
    note: Note = ""


class StageChangeOut(Schema):
    from_stage: str
    to_stage: str
    note: str
    changed_by: StaffName
    changed_at: datetime


class ApplicationOut(Schema):
    id: int
    opportunity_id: int
    funder: str = Field(validation_alias="opportunity.funder.organisation.name")
    title: str
    stage: str
    stage_label: str = label_of("stage")
    amount_requested: Decimal | None
    lead: StaffRef | None
    submitted_on: date | None
    decided_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class ApplicationDetailOut(ApplicationOut):
    history: list[StageChangeOut]
    award_id: int | None

    @staticmethod
    def resolve_history(obj) -> list:
        return list(obj.stage_changes.select_related("changed_by").order_by("changed_at", "pk"))

    @staticmethod
    def resolve_award_id(obj) -> int | None:
        award = getattr(obj, "award", None)
        return award.pk if award is not None else None


class PipelineItemOut(Schema):
    id: int
    title: str
    funder: str
    stage: str
    amount_requested: Decimal | None
    amount_awarded: Decimal | None
    programs: list[str]


class PipelineStageOut(Schema):
    stage: str
    label: str
    requested: Decimal
    awarded: Decimal
    applications: list[PipelineItemOut]


class PipelineOut(Schema):
    requested: Decimal
    awarded: Decimal
    stages: list[PipelineStageOut]


class ProposalIn(Input):
    summary: Section = ""
    need_statement: Section = ""
    approach: Section = ""
    evaluation_plan: Section = ""
    budget_narrative: Section = ""
    change_note: Note = ""


class ProposalOut(Schema):
    id: int
    number: int
    summary: str
    need_statement: str
    approach: str
    evaluation_plan: str
    budget_narrative: str
    change_note: str
    author: StaffName
    created_at: datetime


class AwardIn(Input):
    amount: Money
    starts_on: date
    ends_on: date
    reference: stripped_text(80) = ""
    notes: Text = ""


class AwardPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    amount: Money | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    reference: stripped_text(80) | None = None
    notes: Text | None = None


class AllocationIn(Input):
    program_id: int
    amount: Money | None = Field(
        None, description="The program's part of the award, if the funder splits it."
    )


class AllocationOut(Schema):
    id: int
    program: Ref
    amount: Decimal | None

    @staticmethod
    def resolve_program(obj) -> dict:
        return {"id": obj.program_id, "name": obj.program.name}


class DeliverableIn(Input):
    description: stripped_text(300, required=True)
    due_on: date
    owner_id: int | None = None
    done_on: date | None = None


class DeliverablePatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    description: stripped_text(300, required=True) | None = None
    due_on: date | None = None
    owner_id: int | None = None
    done_on: date | None = None


class DeliverableOut(Schema):
    id: int
    award_id: int
    description: str
    due_on: date
    owner: StaffRef | None
    done_on: date | None
    version: int


class ReportIn(Input):
    kind: ReportKind
    due_on: date
    owner_id: int | None = None
    submitted_on: date | None = None
    notes: Note = ""


class ReportPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    kind: ReportKind | None = None
    due_on: date | None = None
    owner_id: int | None = None
    submitted_on: date | None = None
    notes: Note | None = None


class ReportOut(Schema):
    id: int
    award_id: int
    kind: str
    kind_label: str = label_of("kind")
    due_on: date
    owner: StaffRef | None
    submitted_on: date | None
    notes: str
    version: int


class AwardOut(Schema):
    id: int
    application_id: int
    amount: Decimal
    starts_on: date
    ends_on: date
    reference: str
    notes: str
    version: int
    programs: list[AllocationOut]
    deliverables: list[DeliverableOut]
    reports: list[ReportOut]

    @staticmethod
    def resolve_programs(obj) -> list:
        return list(obj.allocations.all())

    @staticmethod
    def resolve_deliverables(obj) -> list:
        return list(obj.deliverables.all())

    @staticmethod
    def resolve_reports(obj) -> list:
        return list(obj.reports.all())


class DeadlineOut(Schema):
    kind: str
    what: str
    due_on: date
    days_left: int
    overdue: bool
    owner: StaffRef | None
    application_id: int = Field(validation_alias="application.pk")
    application: str = Field(validation_alias="application.title")
    last_reminded: datetime | None


# Funder reports ----------------------------------------------------------------------------------


class FunderReportIn(Input):
    title: Title
    period_start: date
    period_end: date
    deadline_id: int | None = Field(
        None, description="A reporting deadline of this award the report answers."
    )
    indicator_ids: list[int] = Field([], description="Evaluation indicators whose figures the report gives.")
    summary: Section = ""
    activities: Section = ""
    challenges: Section = ""
    next_period: Section = ""


class FunderReportPatch(Input):
    version: int = Field(ge=1, description="The version you read.")
    title: Title | None = None
    period_start: date | None = None
    period_end: date | None = None
    deadline_id: int | None = None
    indicator_ids: list[int] | None = None
    summary: Section | None = None
    activities: Section | None = None
    challenges: Section | None = None
    next_period: Section | None = None


class FunderReportSubmitIn(Input):
    version: int = Field(ge=1, description="The version you read.")
    on: date | None = Field(None, description="The day it went to the funder; today if left out.")


class FigureValueOut(Schema):
    period: str
    numerator: float | None = Field(description="None where suppressed.")
    denominator: float | None = Field(description="None where suppressed or where there is none.")
    value: float | None = Field(description="None where suppressed or where there is nothing to divide by.")
    shown: str = Field(description="The value as the page and the PDF show it, or why it is suppressed.")
    suppressed: bool
    hidden: str = Field(description="Why the value is suppressed (empty when it is shown).")
    target: float | None
    status: str = Field(description="Met, Not met, No target, No data or Suppressed.")


class FigureOut(Schema):
    indicator_id: int
    name: str
    definition: str
    program: str
    numerator: str = Field(description="The numerator's measure: its title and name.")
    denominator: str
    factor: str
    period_type: str
    periods: str = Field(description="The indicator's periods over the report's period.")
    direction: str
    baseline: str
    values: list[FigureValueOut]


class ReportDeliverableOut(Schema):
    description: str
    due_on: date
    done_on: date | None
    status: str


class FunderReportListOut(Schema):
    id: int
    award_id: int
    deadline_id: int | None
    title: str
    period_start: date
    period_end: date
    status: str
    submitted_on: date | None
    version: int


class FunderReportOut(FunderReportListOut):
    indicator_ids: list[int]
    summary: str
    activities: str
    challenges: str
    next_period: str
    threshold: int = Field(description="Counts below this are suppressed.")
    computed_on: date = Field(description="When the figures were computed: at submission once submitted.")
    figures: list[FigureOut]
    deliverables: list[ReportDeliverableOut]

    @staticmethod
    def resolve_indicator_ids(obj: object) -> list[int]:
        return [figure["indicator_id"] for figure in obj.content["figures"]]

    @staticmethod
    def resolve_threshold(obj: object) -> int:
        return obj.content["threshold"]

    @staticmethod
    def resolve_computed_on(obj: object) -> str:
        return obj.content["computed_on"]

    @staticmethod
    def resolve_figures(obj: object) -> list[dict]:
        return obj.content["figures"]

    @staticmethod
    def resolve_deliverables(obj: object) -> list[dict]:
        return obj.content["deliverables"]
