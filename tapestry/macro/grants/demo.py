"""Demo grants: funders of the demo agency, applications in every stage of the pipeline, and one
award funding demo programs, with deliverables and reporting deadlines (one overdue, one next month),
and, once evaluation's demo indicators exist, a submitted and a draft report to its funder.

Dates are set from the day the demo is loaded, so the overdue report and next month's deadline
stay where the demo promises them. Seeded after the core agency and the programs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.grants.models import (
    Application,
    Award,
    AwardProgram,
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
from tapestry.programs.models import Program

# (organisation, kind, focus, need codes, notes)
FUNDERS = (
    (
        "Maplewood Community Foundation",
        Funder.Kind.FOUNDATION,
        "Family stability and children's early years in Demo County.",
        ("childcare", "parental-supervision", "financial-insecurity"),
        "Prefers a short letter of inquiry before a full proposal.",
    ),
    (
        "Tri-County United Fund",
        Funder.Kind.COMMUNITY,
        "Basic needs: housing, food and utilities across the three counties.",
        ("housing-instability", "risk-of-homelessness", "food-insecurity", "utility-payment-difficulty"),
        "Funds a year at a time; renewals open each spring.",
    ),
    (
        "Larkspur Family Trust",
        Funder.Kind.INDIVIDUAL,
        "Young people and schools: mentoring, attendance, staying in education.",
        ("education-problems", "social-isolation"),
        "",
    ),
    (
        "Demo County Department of Human Services",
        Funder.Kind.GOVERNMENT,
        "Contracts for recovery support and family services.",
        ("substance-use", "family-substance-use"),
        "Applications through the county procurement portal.",
    ),
)

# (funder, title, low, high, deadline in days from today, fit, reason, programs, needs,
#  stage, amount requested, award?)
OPPORTUNITIES = (
    (
        "Tri-County United Fund",
        "Eviction Prevention Fund 2027",
        "40000",
        "75000",
        40,
        5,
        "Our Housing Stability program is exactly what the fund asks for.",
        ("Housing Stability",),
        ("risk-of-homelessness",),
        Stage.PROSPECT,
        "60000",
    ),
    (
        "Maplewood Community Foundation",
        "Strong Families Grant",
        "25000",
        "25000",
        21,
        4,
        "Matches Family Support; the foundation funds a county we serve only in part.",
        ("Family Support",),
        ("childcare",),
        Stage.DRAFTING,
        "25000",
    ),
    (
        "Larkspur Family Trust",
        "Mentoring Matters",
        None,
        "30000",
        -20,
        4,
        "Youth Mentoring's results are strong; the trust asks for school partners, which we have.",
        ("Youth Mentoring", "School Success"),
        ("education-problems",),
        Stage.SUBMITTED,
        "30000",
    ),
    (
        "Tri-County United Fund",
        "Basic Needs Response 2026",
        "50000",
        "120000",
        -200,
        5,
        "Housing and family support together meet the fund's basic-needs focus.",
        ("Housing Stability", "Family Support"),
        ("housing-instability", "food-insecurity"),
        Stage.AWARDED,
        "90000",
    ),
    (
        "Demo County Department of Human Services",
        "Recovery Community Contract",
        "100000",
        "150000",
        -90,
        3,
        "Fits Recovery Support, but the contract wants a residential element we do not run.",
        ("Recovery Support",),
        ("substance-use",),
        Stage.DECLINED,
        "110000",
    ),
    (
        "Maplewood Community Foundation",
        "Summer Learning Pilot",
        "5000",
        "10000",
        -60,
        2,
        "Only loosely tied to School Success; we withdrew to focus on the Strong Families Grant.",
        ("School Success",),
        ("education-problems",),
        Stage.WITHDRAWN,
        "8000",
    ),
)

PATHS = {
    Stage.PROSPECT: (),
    Stage.DRAFTING: (Stage.DRAFTING,),
    Stage.SUBMITTED: (Stage.DRAFTING, Stage.SUBMITTED),
    Stage.AWARDED: (Stage.DRAFTING, Stage.SUBMITTED, Stage.AWARDED),
    Stage.DECLINED: (Stage.DRAFTING, Stage.SUBMITTED, Stage.DECLINED),
    Stage.WITHDRAWN: (Stage.DRAFTING, Stage.WITHDRAWN),
}


def seed(ctx: DemoContext) -> str:
    if Funder.objects.exists():
        return ""
    officer = ctx.staff.get("grants_officer")
    today = timezone.localdate()
    needs = {need.code: need for need in Need.objects.all()}
    programs = {program.name: program for program in Program.objects.all()}
    funders: dict[str, Funder] = {}
    for name, kind, focus, codes, notes in FUNDERS:
        organisation = ctx.organisations.get(name)
        if organisation is None:
            continue
        funder = Funder.objects.create(
            organisation=organisation,
            kind=kind,
            focus=focus,
            notes=notes,
            contact=organisation.contacts.order_by("pk").first(),
            created_by=officer,
        )
        funder.focus_needs.set([needs[code] for code in codes if code in needs])
        funders[name] = funder
    made = 0
    for funder_name, title, low, high, days, fit, reason, program_names, codes, stage, asked in OPPORTUNITIES:
        if funder_name not in funders:
            continue
        deadline = today + dt.timedelta(days=days)
        opportunity = Opportunity.objects.create(
            funder=funders[funder_name],
            title=title,
            amount_min=Decimal(low) if low else None,
            amount_max=Decimal(high),
            deadline=deadline,
            fit=fit,
            fit_reason=reason,
            eligibility="Registered nonprofits serving Demo County residents.",
            created_by=officer,
        )
        opportunity.programs.set([programs[n] for n in program_names if n in programs])
        opportunity.needs.set([needs[code] for code in codes if code in needs])
        application = Application.objects.create(
            opportunity=opportunity,
            title=title,
            amount_requested=Decimal(asked),
            lead=officer,
            created_by=officer,
        )
        _walk(application, stage, deadline, officer)
        if stage != Stage.PROSPECT:
            ProposalVersion.objects.create(
                application=application,
                number=1,
                summary=f"Tapestry Family Services asks for {asked} for {', '.join(program_names)}.",
                need_statement="Demand for this help in Demo County outruns what the agency can offer today.",
                approach="Extend the program's reach with one more worker and closer work with partners.",
                author=officer,
                change_note="First draft",
            )
        if stage == Stage.AWARDED:
            _award(
                application, deadline, today, officer, [programs[n] for n in program_names if n in programs]
            )
        made += 1
    return f"{len(funders)} funders, {made} grant applications in every stage, 1 award" + seed_funder_reports(
        ctx
    )


def _walk(application: Application, stage: str, deadline: dt.date, officer: object) -> None:
    StageChange.objects.create(application=application, to_stage=Stage.PROSPECT, changed_by=officer)
    before = Stage.PROSPECT
    for step in PATHS[stage]:
        StageChange.objects.create(
            application=application, from_stage=before, to_stage=step, changed_by=officer
        )
        before = step
    submitted = (
        deadline - dt.timedelta(days=3) if stage in (Stage.SUBMITTED, Stage.AWARDED, Stage.DECLINED) else None
    )
    decided = deadline + dt.timedelta(days=45) if stage in (Stage.AWARDED, Stage.DECLINED) else None
    Application.objects.filter(pk=application.pk).update(
        stage=stage, submitted_on=submitted, decided_on=decided
    )
    application.stage = stage


def _award(
    application: Application, deadline: dt.date, today: dt.date, officer: object, funded: list
) -> None:
    starts = deadline + dt.timedelta(days=60)
    award = Award.objects.create(
        application=application,
        amount=Decimal("85000.00"),
        starts_on=starts,
        ends_on=starts + dt.timedelta(days=364),
        reference="TCUF-2026-0142",
        notes="Awarded a little under the request; the fund asked for quarterly updates.",
        created_by=officer,
    )
    shares = (Decimal("55000.00"), Decimal("30000.00"))
    for program, share in zip(funded, shares, strict=False):
        AwardProgram.objects.create(award=award, program=program, amount=share)
    next_month = today + dt.timedelta(days=30)
    Deliverable.objects.bulk_create(
        [
            Deliverable(
                award=award,
                description="Hire and train a second housing caseworker",
                due_on=starts + dt.timedelta(days=60),
                owner=officer,
                done_on=starts + dt.timedelta(days=50),
            ),
            Deliverable(
                award=award,
                description="Serve 120 households at risk of eviction",
                due_on=award.ends_on,
                owner=officer,
            ),
            Deliverable(
                award=award, description="Hold four tenant-rights workshops", due_on=next_month, owner=officer
            ),
        ]
    )
    ReportingDeadline.objects.bulk_create(
        [
            ReportingDeadline(
                award=award,
                kind=ReportingDeadline.Kind.INTERIM,
                due_on=today - dt.timedelta(days=10),
                owner=officer,
                notes="First quarterly update",
            ),
            ReportingDeadline(
                award=award, kind=ReportingDeadline.Kind.FINANCIAL, due_on=next_month, owner=officer
            ),
            ReportingDeadline(
                award=award,
                kind=ReportingDeadline.Kind.FINAL,
                due_on=award.ends_on + dt.timedelta(days=60),
                owner=officer,
            ),
        ]
    )


# Funder reports: a submitted one for last quarter and a draft for this one, on the demo award, with
# the demo's indicators. Evaluation's demo (seeded after this app) calls this once its indicators exist.
REPORTED_INDICATORS = ("Group attendance rate by program", "Housing needs met within 90 days")


def seed_funder_reports(ctx: DemoContext) -> str:
    from tapestry.evidence.measures import next_period, period_start
    from tapestry.macro.evaluation.models import Indicator
    from tapestry.macro.grants import figures

    award = Award.objects.select_related("application").order_by("pk").first()
    indicators = list(Indicator.objects.filter(name__in=REPORTED_INDICATORS).order_by("name"))
    if award is None or not indicators or FunderReport.objects.filter(award=award).exists():
        return ""
    officer = ctx.staff.get("grants_officer")
    today = timezone.localdate()
    this_quarter = period_start("quarter", today)
    last_quarter = period_start("quarter", this_quarter - dt.timedelta(days=1))
    sent_on = this_quarter + dt.timedelta(days=min(12, (today - this_quarter).days))
    deadline = ReportingDeadline.objects.create(
        award=award,
        kind=ReportingDeadline.Kind.INTERIM,
        due_on=this_quarter + dt.timedelta(days=14),
        owner=officer,
        submitted_on=sent_on,
        notes="Quarterly update on attendance and housing outcomes",
    )
    submitted = FunderReport.objects.create(
        award=award,
        deadline=deadline,
        title=f"Quarterly update to the fund, {last_quarter:%B} to {this_quarter - dt.timedelta(days=1):%B %Y}",
        period_start=last_quarter,
        period_end=this_quarter - dt.timedelta(days=1),
        summary="The second caseworker is in post and the tenant-rights workshops have begun.",
        activities="Weekly drop-in sessions, two tenant-rights workshops and joint visits with the housing office.",
        challenges="Members missed sessions in the weeks of the transit strike.",
        next_period="Two more workshops, and a follow-up call to every household three months on.",
        created_by=officer,
    )
    submitted.indicators.set(indicators)
    snapshot = figures.compute(user=officer, report=submitted)
    snapshot["submitted_on"] = sent_on.isoformat()
    FunderReport.objects.filter(pk=submitted.pk).update(
        status=FunderReport.Status.SUBMITTED, submitted_on=sent_on, submitted_by=officer, snapshot=snapshot
    )
    draft = FunderReport.objects.create(
        award=award,
        title=f"Quarterly update to the fund, from {this_quarter:%B %Y}",
        period_start=this_quarter,
        period_end=min(today, next_period("quarter", this_quarter) - dt.timedelta(days=1)),
        summary="Draft: attendance is holding up; housing outcomes to be checked before sending.",
        created_by=officer,
    )
    draft.indicators.set(indicators)
    return "; 2 funder reports (1 submitted, 1 draft)"
