"""Reads of grants: funders, opportunities, the pipeline, an application's page and the deadlines to come.

Grants are agency records, not client records: whoever holds GRANT_MANAGE reads them all. The
pipeline's summary (title, funder, stage, amounts, programs: no proposal, no notes) is also open to
AGGREGATE_READ holders, so leadership and program managers see what funds their programs.
Every page reads a fixed number of queries whatever the number of rows (pinned in the tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.macro.grants.models import (
    Application,
    Award,
    AwardProgram,
    DeadlineReminder,
    Deliverable,
    Funder,
    FunderReport,
    Opportunity,
    ProposalVersion,
    ReportingDeadline,
    Stage,
    StageChange,
)
from tapestry.needs.models import Need
from tapestry.people.models import Organisation, OrganisationContact
from tapestry.programs.models import Program
from tapestry.web.ids import found_or_404

NO_FUNDER = "No such funder."
NO_OPPORTUNITY = "No such grant opportunity."
NO_APPLICATION = "No such grant application."
NO_AWARD = "No such award."
NO_DELIVERABLE = "No such deliverable."
NO_REPORT = "No such reporting deadline."
NO_VERSION = "No such proposal version."
NO_FUNDER_REPORT = "No such funder report."


def _require(user: User) -> None:
    policy.require_capability(user, Capability.GRANT_MANAGE)


def may_manage(user: User) -> bool:
    return policy.has_capability(user, Capability.GRANT_MANAGE)


# Funders -----------------------------------------------------------------------------------------


def funder_list(*, user: User) -> QuerySet[Funder]:
    _require(user)
    return (
        Funder.objects.select_related("organisation")
        .prefetch_related(Prefetch("focus_needs", queryset=Need.objects.order_by("label")))
        .annotate(opportunity_count=Count("opportunities", distinct=True))
        .order_by("organisation__name")
    )


def funder_get(*, user: User, funder_id: int) -> Funder:
    _require(user)
    found = (
        Funder.objects.select_related("organisation", "contact")
        .prefetch_related(Prefetch("focus_needs", queryset=Need.objects.order_by("label")))
        .filter(pk=funder_id)
        .first()
    )
    return found_or_404(found, NO_FUNDER)


def funder_opportunities(funder: Funder) -> list[Opportunity]:
    return list(
        funder.opportunities.annotate(application_count=Count("applications")).order_by("deadline", "title")
    )


# Opportunities -----------------------------------------------------------------------------------


def _opportunities() -> QuerySet[Opportunity]:
    return Opportunity.objects.select_related("funder__organisation").prefetch_related(
        Prefetch("programs", queryset=Program.objects.order_by("name")),
        Prefetch("needs", queryset=Need.objects.order_by("label")),
    )


def opportunity_list(*, user: User, open_only: bool = False) -> QuerySet[Opportunity]:
    _require(user)
    rows = _opportunities().annotate(application_count=Count("applications"))
    if open_only:
        rows = rows.exclude(deadline__lt=timezone.localdate())
    return rows.order_by("deadline", "title")


def opportunity_get(*, user: User, opportunity_id: int) -> Opportunity:
    _require(user)
    return found_or_404(_opportunities().filter(pk=opportunity_id).first(), NO_OPPORTUNITY)


def opportunity_applications(opportunity: Opportunity) -> list[Application]:
    return list(opportunity.applications.select_related("lead").order_by("-created_at"))


# The pipeline ------------------------------------------------------------------------------------


@dataclass
class Column:
    """One stage of the pipeline: its applications and their totals."""

    stage: str
    label: str
    applications: list[Application] = field(default_factory=list)
    requested: Decimal = Decimal("0.00")
    awarded: Decimal = Decimal("0.00")


@dataclass
class Pipeline:
    columns: list[Column]
    requested: Decimal
    awarded: Decimal


def _pipeline_rows() -> QuerySet[Application]:
    return (
        Application.objects.select_related("opportunity__funder__organisation", "award", "lead")
        .prefetch_related(
            Prefetch("opportunity__programs", queryset=Program.objects.order_by("name")),
            Prefetch(
                "award__allocations",
                queryset=AwardProgram.objects.select_related("program").order_by("program__name"),
            ),
        )
        .order_by("opportunity__deadline", "title", "pk")
    )


def pipeline(*, user: User) -> Pipeline:
    """Every application grouped by stage, with the amounts requested and awarded in each."""
    if not (may_manage(user) or policy.has_capability(user, Capability.AGGREGATE_READ)):
        policy.require_capability(user, Capability.GRANT_MANAGE)
    columns = {stage: Column(stage, str(label)) for stage, label in Stage.choices}
    for application in _pipeline_rows():
        column = columns[application.stage]
        column.applications.append(application)
        column.requested += application.amount_requested or 0
        award = getattr(application, "award", None)
        if award is not None:
            column.awarded += award.amount
    ordered = list(columns.values())
    return Pipeline(
        columns=ordered,
        requested=sum((c.requested for c in ordered), Decimal("0.00")),
        awarded=sum((c.awarded for c in ordered), Decimal("0.00")),
    )


def application_list(*, user: User, stage: str = "") -> QuerySet[Application]:
    _require(user)
    rows = _pipeline_rows()
    return rows.filter(stage=stage) if stage else rows


# An application and its award --------------------------------------------------------------------


@dataclass
class ApplicationPage:
    application: Application
    history: list[StageChange]
    versions: list[ProposalVersion]
    award: Award | None
    allocations: list[AwardProgram]
    deliverables: list[Deliverable]
    reports: list[ReportingDeadline]
    today: dt.date
    funder_reports: list[FunderReport] = field(default_factory=list)

    @property
    def latest(self) -> ProposalVersion | None:
        return self.versions[0] if self.versions else None


def application_get(*, user: User, application_id: int) -> Application:
    _require(user)
    found = (
        Application.objects.select_related("opportunity__funder__organisation", "lead")
        .filter(pk=application_id)
        .first()
    )
    return found_or_404(found, NO_APPLICATION)


def application_page(*, user: User, application_id: int) -> ApplicationPage:
    application = application_get(user=user, application_id=application_id)
    award = Award.objects.filter(application=application).first()
    allocations, deliverables, reports, funder_reports = [], [], [], []
    if award is not None:
        funder_reports = list(award.funder_reports.order_by("-period_end", "-pk"))
        application.award = award
        allocations = list(award.allocations.select_related("program").order_by("program__name"))
        deliverables = list(award.deliverables.select_related("owner").order_by("due_on", "pk"))
        reports = list(award.reports.select_related("owner").order_by("due_on", "pk"))
    return ApplicationPage(
        application=application,
        history=list(application.stage_changes.select_related("changed_by").order_by("changed_at", "pk")),
        versions=list(application.proposal_versions.select_related("author").order_by("-number")),
        award=award,
        allocations=allocations,
        deliverables=deliverables,
        reports=reports,
        today=timezone.localdate(),
        funder_reports=funder_reports,
    )


def latest_proposal(application: Application) -> ProposalVersion | None:
    return application.proposal_versions.order_by("-number").first()


def proposal_version_get(*, user: User, version_id: int) -> ProposalVersion:
    _require(user)
    found = ProposalVersion.objects.select_related("application", "author").filter(pk=version_id).first()
    return found_or_404(found, NO_VERSION)


def award_get(*, user: User, award_id: int) -> Award:
    _require(user)
    return found_or_404(Award.objects.select_related("application").filter(pk=award_id).first(), NO_AWARD)


def award_detail(*, user: User, award_id: int) -> Award:
    """An award with its programs, deliverables and reports, for the API."""
    _require(user)
    found = (
        Award.objects.select_related("application")
        .prefetch_related(
            Prefetch(
                "allocations",
                queryset=AwardProgram.objects.select_related("program").order_by("program__name"),
            ),
            Prefetch(
                "deliverables", queryset=Deliverable.objects.select_related("owner").order_by("due_on", "pk")
            ),
            Prefetch(
                "reports", queryset=ReportingDeadline.objects.select_related("owner").order_by("due_on", "pk")
            ),
        )
        .filter(pk=award_id)
        .first()
    )
    return found_or_404(found, NO_AWARD)


def deliverable_get(*, user: User, deliverable_id: int) -> Deliverable:
    _require(user)
    found = Deliverable.objects.select_related("award__application").filter(pk=deliverable_id).first()
    return found_or_404(found, NO_DELIVERABLE)


def report_get(*, user: User, report_id: int) -> ReportingDeadline:
    _require(user)
    found = ReportingDeadline.objects.select_related("award__application").filter(pk=report_id).first()
    return found_or_404(found, NO_REPORT)


# Deadlines ---------------------------------------------------------------------------------------


@dataclass
class Deadline:
    """A deliverable or a report still owed, as one row of the deadlines list."""

    kind: str
    what: str
    due_on: dt.date
    owner: User | None
    application: Application
    days_left: int
    last_reminded: dt.datetime | None
    record: Any

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def deadlines(*, user: User, within_days: int = 90) -> list[Deadline]:
    """Deliverables not done, reports not submitted and applications not yet submitted, due within
    `within_days` or overdue, soonest first."""
    _require(user)
    return _owed(within_days)


def deadlines_ahead(*, user: User, within_days: int = 60) -> list[Deadline]:
    """The same deadlines for leadership's dashboard: what is owed to funders is no secret from those
    who read the pipeline (AGGREGATE_READ)."""
    policy.require_capability(user, Capability.AGGREGATE_READ)
    return _owed(within_days)


def _owed(within_days: int) -> list[Deadline]:
    today = timezone.localdate()
    until = today + dt.timedelta(days=within_days)
    related = ("award__application__opportunity__funder__organisation", "award__application__lead", "owner")
    reminded = Prefetch("reminders", queryset=DeadlineReminder.objects.order_by("-created_at", "-pk"))
    rows: list[Deadline] = []
    for item in (
        Deliverable.objects.filter(done_on__isnull=True, due_on__lte=until)
        .select_related(*related)
        .prefetch_related(reminded)
    ):
        rows.append(_deadline("Deliverable", item.description, item, today))
    for report in (
        ReportingDeadline.objects.filter(submitted_on__isnull=True, due_on__lte=until)
        .select_related(*related)
        .prefetch_related(reminded)
    ):
        rows.append(_deadline(report.get_kind_display(), report.get_kind_display(), report, today))
    # Applications still being prepared are owed to the funder by the opportunity's deadline.
    for application in Application.objects.filter(
        stage__in=(Stage.PROSPECT, Stage.DRAFTING), opportunity__deadline__lte=until
    ).select_related("opportunity__funder__organisation", "lead"):
        due_on = application.opportunity.deadline
        rows.append(
            Deadline(
                kind="Application",
                what=gettext("Application due (%(stage)s)")
                % {"stage": application.get_stage_display().lower()},
                due_on=due_on,
                owner=application.lead,
                application=application,
                days_left=(due_on - today).days,
                last_reminded=None,
                record=application,
            )
        )
    return sorted(rows, key=lambda row: (row.due_on, row.what))


def _deadline(kind: str, what: str, row: Deliverable | ReportingDeadline, today: dt.date) -> Deadline:
    application = row.award.application
    reminders = list(row.reminders.all())
    return Deadline(
        kind=kind,
        what=what,
        due_on=row.due_on,
        owner=row.owner or application.lead,
        application=application,
        days_left=(row.due_on - today).days,
        last_reminded=reminders[0].created_at if reminders else None,
        record=row,
    )


# Choices for forms and ids in API bodies ---------------------------------------------------------


def staff_choices() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


def staff_account(user_id: int) -> User | None:
    return staff_choices().filter(pk=user_id).first()


def organisations_without_funder() -> QuerySet[Organisation]:
    return Organisation.objects.filter(funder_profile__isnull=True).order_by("name")


def organisation(organisation_id: int) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()


def contacts() -> QuerySet[OrganisationContact]:
    return OrganisationContact.objects.select_related("organisation").order_by("organisation__name", "name")


def contact(contact_id: int) -> OrganisationContact | None:
    return OrganisationContact.objects.filter(pk=contact_id).first()


def needs() -> QuerySet[Need]:
    return Need.objects.filter(is_active=True).order_by("domain", "label")


def programs() -> QuerySet[Program]:
    return Program.objects.order_by("name")


def funders() -> QuerySet[Funder]:
    return Funder.objects.select_related("organisation").order_by("organisation__name")


def funder(funder_id: int) -> Funder | None:
    return Funder.objects.filter(pk=funder_id).first()


def opportunity(opportunity_id: int) -> Opportunity | None:
    return Opportunity.objects.filter(pk=opportunity_id).first()


def program(program_id: int) -> Program | None:
    return Program.objects.filter(pk=program_id).first()


def proposal_versions(application: Application) -> list[ProposalVersion]:
    return list(application.proposal_versions.select_related("author").order_by("-number"))


# Funder reports ----------------------------------------------------------------------------------


def _report_rows() -> QuerySet[FunderReport]:
    return FunderReport.objects.select_related(
        "award__application__opportunity__funder__organisation", "deadline", "submitted_by"
    )


def funder_report_list(*, user: User, award: Award) -> list[FunderReport]:
    _require(user)
    return list(_report_rows().filter(award=award).order_by("-period_end", "-pk"))


def funder_report_get(*, user: User, report_id: int) -> FunderReport:
    _require(user)
    return found_or_404(_report_rows().filter(pk=report_id).first(), NO_FUNDER_REPORT)


def indicator_choices() -> QuerySet[Any]:
    """Every evaluation indicator, those of a program first named by program (for choosing figures)."""
    from tapestry.macro.evaluation.models import Indicator

    return Indicator.objects.select_related("program").order_by("program__name", "name")


def indicator(indicator_id: int) -> Any:
    return indicator_choices().filter(pk=indicator_id).first()


def award_indicator_ids(award: Award) -> list[int]:
    """The indicators of the programs the award funds: the ones a report on it usually gives."""
    return list(
        indicator_choices()
        .filter(program__in=AwardProgram.objects.filter(award=award).values("program"))
        .values_list("pk", flat=True)
    )


def deadline_choices(award: Award) -> QuerySet[ReportingDeadline]:
    return award.reports.order_by("due_on", "pk")


def funder_report_page(*, user: User, report_id: int) -> FunderReport:
    """The report with its figures: stored at submission, else computed now (see figures.py)."""
    from tapestry.macro.grants import figures

    report = funder_report_get(user=user, report_id=report_id)
    report.content = figures.content(user=user, report=report)
    return report
