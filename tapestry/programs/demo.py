"""Demo programs: the services the demo agency runs, with logic models, budgets, staff and capacity.

The cases app seeds after this one and opens its demo cases in these programs; the groups app
puts its groups in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tapestry.demo.context import DemoContext
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff

PROGRAMS = (
    (
        "Housing Stability",
        "Eviction prevention, rent arrears help and rehousing for adults and families at risk of losing their home.",
    ),
    (
        "Family Support",
        "Home-based support for parents and caregivers: routines, safety, benefits and connection to childcare.",
    ),
    (
        "Youth Mentoring",
        "One-to-one mentoring and counselling for young people aged 10 to 18, with Eastfield Youth Mentoring.",
    ),
    (
        "Recovery Support",
        "Outpatient counselling and peer support for people cutting down or stopping alcohol and drug use.",
    ),
    (
        "School Success",
        "School social work in Riverton, Eastfield and Port Ainsley schools: attendance, bullying and learning support.",
    ),
)

IN, AC, OU, ST, LT = (
    LogicModelItem.Column.INPUTS,
    LogicModelItem.Column.ACTIVITIES,
    LogicModelItem.Column.OUTPUTS,
    LogicModelItem.Column.SHORT_TERM,
    LogicModelItem.Column.LONG_TERM,
)
F = LogicModelItem.Frequency


@dataclass(frozen=True)
class Design:
    target_population: str
    purpose: str
    capacity: int
    starts_on: date
    # (column, text) or (column, text, (indicator, target, unit, data source, frequency))
    logic: tuple[tuple, ...]
    # (category, description, amount, funder)
    budget: tuple[tuple[str, str, str, str], ...]
    manager: str
    staff: tuple[tuple[str, str, str], ...]  # (username, role in program, fte)


DESIGNS = {
    "Housing Stability": Design(
        "Adults and families in Riverton and Eastfield with rent arrears, a notice to quit or no fixed address.",
        "Evictions in the county doubled in three years; most follow arrears under three months that early "
        "help could clear.",
        60,
        date(2022, 4, 1),
        (
            (IN, "Three caseworkers and a housing advocate"),
            (IN, "Emergency rent fund from the City Housing Fund"),
            (AC, "Weekly tenancy-rights and budgeting workshop"),
            (AC, "Negotiation with landlords and the housing court"),
            (OU, "Households given one-to-one help each quarter"),
            (OU, "Workshops held"),
            (
                ST,
                "Arrears cleared or on a repayment plan",
                (
                    "Households with a plan within 8 weeks",
                    "75",
                    "%",
                    "Case needs (housing) status",
                    F.QUARTERLY,
                ),
            ),
            (
                ST,
                "Tenants know their rights",
                ("Workshop quiz score after", "80", "% correct", "Workshop quiz", F.SESSION),
            ),
            (
                LT,
                "Families keep their homes",
                (
                    "Households still housed 6 months after exit",
                    "85",
                    "%",
                    "Follow-up call at 6 months",
                    F.TWICE_YEARLY,
                ),
            ),
        ),
        (
            ("personnel", "Caseworkers (2.5 FTE)", "142500.00", "City Housing Fund"),
            ("participant", "Emergency rent payments", "60000.00", "City Housing Fund"),
            ("operations", "Office and phones", "9800.00", "General funds"),
            ("travel", "Home visits and court days", "4200.00", "General funds"),
            ("indirect", "Agency overhead (10%)", "21650.00", "City Housing Fund"),
        ),
        "program_manager",
        (
            ("caseworker", "staff", "0.60"),
            ("priya.natarajan", "staff", "0.50"),
            ("outreach_worker", "staff", "0.40"),
        ),
    ),
    "Family Support": Design(
        "Parents and caregivers of children under 12 referred by schools, health visitors or child welfare.",
        "Families under stress lose routines, benefits and childcare; home-based help keeps children safe at home.",
        40,
        date(2021, 9, 1),
        (
            (IN, "Two family support workers and a parenting facilitator"),
            (AC, "Home visits every two weeks"),
            (AC, "Eight-week parenting class"),
            (OU, "Families visited"),
            (OU, "Parents completing the class"),
            (
                ST,
                "Calmer routines at home",
                ("Parents reporting a daily routine", "70", "%", "Family plan review", F.ENTRY_EXIT),
            ),
            (
                LT,
                "Children stay safely at home",
                (
                    "Families with no new child-welfare referral in 12 months",
                    "90",
                    "%",
                    "Referral records",
                    F.YEARLY,
                ),
            ),
        ),
        (
            ("personnel", "Family support workers", "98000.00", "County Children's Trust"),
            ("supplies", "Parenting class materials", "2400.00", "County Children's Trust"),
            ("contracted", "Childcare during classes", "6500.00", "Riverton Community Foundation"),
        ),
        "program_manager",
        (("child_welfare_worker", "staff", "0.50"), ("group_facilitator", "facilitator", "0.30")),
    ),
    "Youth Mentoring": Design(
        "Young people aged 10 to 18 in Eastfield with school or family difficulties.",
        "Young people without a trusted adult are more likely to leave school early.",
        35,
        date(2023, 1, 9),
        (
            (IN, "Volunteer mentors, trained and checked"),
            (AC, "Weekly one-to-one mentoring"),
            (OU, "Mentoring matches made"),
            (
                ST,
                "Better school attendance",
                ("Mentees attending 90% of school days", "60", "%", "School attendance records", F.QUARTERLY),
            ),
            (
                LT,
                "Young people stay in education or work",
                ("Mentees in education, training or work at 18", "85", "%", "Exit survey", F.YEARLY),
            ),
        ),
        (
            ("personnel", "Mentoring coordinator", "38000.00", "Eastfield Youth Trust"),
            ("participant", "Outings and activities", "5200.00", "Eastfield Youth Trust"),
        ),
        "program_manager",
        (("kai.nakoa", "staff", "0.50"), ("community_educator", "volunteer_coordinator", "0.20")),
    ),
    "Recovery Support": Design(
        "Adults cutting down or stopping alcohol or drug use, referred or self-referred.",
        "Few local options between detox and nothing; peer support keeps people in recovery.",
        30,
        date(2020, 6, 1),
        (
            (IN, "Counsellor and peer-support workers"),
            (AC, "Weekly counselling and a peer group"),
            (OU, "Counselling sessions held"),
            (
                ST,
                "Fewer days of use",
                (
                    "Days of use in the last 30, at 3 months",
                    "8",
                    "days or fewer",
                    "Self-report at review",
                    F.QUARTERLY,
                ),
            ),
            (
                LT,
                "Sustained recovery",
                ("People in recovery a year after starting", "50", "%", "Follow-up call", F.YEARLY),
            ),
        ),
        (("personnel", "Counsellor", "52000.00", "State Behavioral Health Grant"),),
        "supervisor",
        (("caseworker", "staff", "0.20"),),
    ),
    "School Success": Design(
        "Pupils in Riverton, Eastfield and Port Ainsley schools with attendance, bullying or learning concerns.",
        "Chronic absence in the three schools is twice the state average.",
        80,
        date(2022, 9, 5),
        (
            (IN, "School social workers in three schools"),
            (AC, "Attendance meetings with families"),
            (OU, "Pupils with a support plan"),
            (
                ST,
                "Attendance improves",
                ("Pupils above 90% attendance the next term", "65", "%", "School records", F.QUARTERLY),
            ),
            (
                LT,
                "Pupils finish the school year on track",
                ("Pupils moving up with their class", "90", "%", "School records", F.YEARLY),
            ),
        ),
        (
            ("personnel", "School social workers", "120000.00", "Riverton School District"),
            ("travel", "Travel between schools", "3100.00", "Riverton School District"),
        ),
        "supervisor",
        (("school_social_worker", "staff", "1.00"), ("program_manager", "staff", "0.10")),
    ),
}


def seed(ctx: DemoContext) -> str:
    if LogicModelItem.objects.exists():
        return ""
    fiscal_year = 2026
    items: list[LogicModelItem] = []
    lines: list[BudgetLine] = []
    staff: list[ProgramStaff] = []
    for name, text in PROGRAMS:
        program, _ = Program.objects.get_or_create(name=name, defaults={"description": text})
        design = DESIGNS[name]
        Program.objects.filter(pk=program.pk).update(
            target_population=design.target_population,
            purpose=design.purpose,
            capacity=design.capacity,
            starts_on=design.starts_on,
        )
        positions: dict[str, int] = {}
        for column, item_text, *indicator in design.logic:
            position = positions[column] = positions.get(column, -1) + 1
            item = LogicModelItem(program=program, column=column, text=item_text, position=position)
            if indicator:
                item.indicator, target, item.unit, item.data_source, item.measured = indicator[0]
                item.target_value = Decimal(target)
            items.append(item)
        for year in (fiscal_year - 1, fiscal_year):
            # Last year's lines ran a little lower: a deterministic spread, not a forecast.
            factor = (
                Decimal("1.00") if year == fiscal_year else Decimal(str(ctx.rng.choice((0.92, 0.95, 0.97))))
            )
            for category, description, amount, funder in design.budget:
                lines.append(
                    BudgetLine(
                        program=program,
                        category=category,
                        description=description,
                        amount=(Decimal(amount) * factor).quantize(Decimal("0.01")),
                        funder=funder,
                        fiscal_year=year,
                    )
                )
        on_program: set[str] = set()
        manager = (design.manager, ProgramStaff.RoleInProgram.MANAGER, "0.40")
        for username, role, fte in (manager, *design.staff):
            if username in ctx.staff and username not in on_program:
                on_program.add(username)
                staff.append(
                    ProgramStaff(
                        program=program,
                        user=ctx.staff[username],
                        role_in_program=role,
                        fte=Decimal(fte),
                        started_on=design.starts_on,
                    )
                )
    LogicModelItem.objects.bulk_create(items)
    BudgetLine.objects.bulk_create(lines)
    ProgramStaff.objects.bulk_create(staff, ignore_conflicts=True)
    return f"{len(PROGRAMS)} programs, {len(items)} logic-model items, {len(lines)} budget lines, {len(staff)} staff"
