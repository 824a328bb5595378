"""Demo cases: intake stories, programs and coded needs (some unmet, with barriers) on the demo caseloads.

A loader, not a user action: rows are written with the ORM and one audit entry records the load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import HouseholdMember, Person
from tapestry.programs.models import Program

IDENTIFIED, ADDRESSED, MET, UNMET = "identified", "being_addressed", "met", "unmet"


@dataclass(frozen=True)
class Scenario:
    case_type: str
    problem: str
    referral: str
    program: str | None
    needs: tuple[tuple[str, str, str | None], ...]  # (need code, where it stands now, barrier code)
    family: bool = False  # the case is about the person's household


GENERAL = (
    Scenario(
        "case_management",
        "Two months behind on rent after hours at the warehouse were cut; an eviction notice came last week.",
        "Riverton Housing Authority",
        "Housing Stability",
        (
            ("risk-of-homelessness", ADDRESSED, None),
            ("financial-insecurity", IDENTIFIED, None),
            ("employment-problems", IDENTIFIED, None),
        ),
    ),
    Scenario(
        "case_management",
        "Lost their job when the packaging plant closed; the food runs out before the end of each month.",
        "Self-referred",
        "Housing Stability",
        (("unemployment", ADDRESSED, None), ("food-insecurity", MET, None)),
    ),
    Scenario(
        "counselling",
        "Low mood and poor sleep since their mother died in the spring; has stopped seeing friends.",
        "Riverton Community Health Centre",
        None,
        (("bereavement", ADDRESSED, None), ("social-isolation", IDENTIFIED, None)),
    ),
    Scenario(
        "case_management",
        "Arrived in the county this year; needs help with benefits, school places for the children and English classes.",
        "Northside Family Services",
        "Family Support",
        (
            ("acculturation", ADDRESSED, None),
            ("insufficient-welfare-support", UNMET, "documents"),
            ("low-literacy", IDENTIFIED, None),
        ),
    ),
    Scenario(
        "mental_health",
        "Panic attacks at work and afraid of losing the job; would like counselling in Spanish.",
        "Primary care doctor",
        None,
        (("mental-health", UNMET, "language"), ("employment-problems", IDENTIFIED, None)),
    ),
    Scenario(
        "case_management",
        "Released from county jail a month ago; sleeping on a friend's sofa and looking for work.",
        "Second Chance Re-entry Network",
        "Housing Stability",
        (
            ("prison-release", ADDRESSED, None),
            ("housing-instability", ADDRESSED, None),
            ("unemployment", UNMET, "discrimination"),
        ),
    ),
    Scenario(
        "case_management",
        "Caring full time for a husband with dementia; exhausted and behind on the electricity bill.",
        "Hospital discharge planner",
        None,
        (("caregiver-burden", ADDRESSED, None), ("utilities", MET, None)),
    ),
    Scenario(
        "counselling",
        "Left a violent partner three weeks ago; staying at Safe Harbour with the children and planning next steps.",
        "Safe Harbour Shelter",
        "Family Support",
        (
            ("domestic-violence", ADDRESSED, None),
            ("homelessness-sheltered", IDENTIFIED, None),
            ("childcare", UNMET, "waitlist"),
        ),
    ),
    Scenario(
        "case_management",
        "Living alone since a fall; cannot get to medical appointments and rarely leaves the flat.",
        "Adult protective services",
        None,
        (
            ("transportation", UNMET, "no-service"),
            ("living-alone", IDENTIFIED, None),
            ("health-access", ADDRESSED, None),
        ),
    ),
    Scenario(
        "case_management",
        "Car repossessed; can no longer reach the evening shift and may lose the job.",
        "Self-referred",
        "Housing Stability",
        (("transportation", ADDRESSED, None), ("financial-insecurity", IDENTIFIED, None)),
    ),
    Scenario(
        "counselling",
        "Separated from their partner over the winter; arguing over care of the children and feeling overwhelmed.",
        "Demo County Family Court",
        "Family Support",
        (("family-disruption", ADDRESSED, None), ("partner-relationship", IDENTIFIED, None)),
    ),
    Scenario(
        "mental_health",
        "Feels isolated and hopeless since moving here for work; drinking more at weekends.",
        "Employee assistance line",
        None,
        (("social-isolation", ADDRESSED, None), ("mental-health", IDENTIFIED, None)),
    ),
    Scenario(
        "case_management",
        "The landlord will not fix the heating or the damp; the youngest child's asthma is getting worse.",
        "Riverton Community Health Centre",
        "Housing Stability",
        (("inadequate-housing", UNMET, "cost"), ("utilities", ADDRESSED, None)),
    ),
    Scenario(
        "case_management",
        "Benefits stopped after a missed review letter; no income for six weeks and the cupboards are bare.",
        "Riverton Public Library social worker",
        None,
        (
            ("insufficient-welfare-support", ADDRESSED, None),
            ("food-insecurity", ADDRESSED, None),
            ("material-hardship", UNMET, "digital"),
        ),
    ),
)
FAMILY = (
    Scenario(
        "family_therapy",
        "Constant conflict at home between the parents and their teenage son; the school has called about his absences.",
        "Self-referred",
        "Family Support",
        (("partner-relationship", ADDRESSED, None), ("parental-supervision", IDENTIFIED, None)),
        family=True,
    ),
    Scenario(
        "family_therapy",
        "The family is struggling since the father's imprisonment; the younger children are angry and withdrawn.",
        "Second Chance Re-entry Network",
        "Family Support",
        (("family-disruption", ADDRESSED, None), ("financial-insecurity", IDENTIFIED, None)),
        family=True,
    ),
    Scenario(
        "family_therapy",
        "Grandmother now raising two grandchildren after their mother's overdose; the children are grieving.",
        "Demo County Department of Human Services",
        "Family Support",
        (("bereavement", ADDRESSED, None), ("caregiver-burden", UNMET, "eligibility")),
        family=True,
    ),
)
SUBSTANCE_USE = Scenario(
    "substance_use",
    "Daily drinking since losing work; wants to cut down before it costs them their tenancy. Referred after a detox stay.",
    "Harbourview Recovery Clinic",
    "Recovery Support",
    (
        ("substance-use", ADDRESSED, None),
        ("housing-instability", IDENTIFIED, None),
        ("employment-problems", UNMET, "waitlist"),
    ),
)
YOUTH = (
    Scenario(
        "counselling",
        "Withdrawn and tearful since the parents separated; the teacher says they no longer play with friends.",
        "School counsellor",
        "Youth Mentoring",
        (("family-disruption", ADDRESSED, None), ("social-isolation", IDENTIFIED, None)),
    ),
    Scenario(
        "counselling",
        "Angry outbursts at home and at school since the family moved house; the parent asks for help.",
        "Parent",
        "Youth Mentoring",
        (("housing-instability", IDENTIFIED, None), ("parental-supervision", ADDRESSED, None)),
    ),
    Scenario(
        "counselling",
        "Lost a grandparent they were close to; nightmares and refusing to go to school.",
        "Eastfield Youth Mentoring",
        "Youth Mentoring",
        (("bereavement", ADDRESSED, None), ("education-problems", IDENTIFIED, None)),
    ),
)
CRISIS = (
    Scenario(
        "crisis",
        "Called the crisis line at night after an argument at home; says they feel unsafe and have thought about ending their life.",
        "Crisis line",
        None,
        (("mental-health", ADDRESSED, None), ("partner-relationship", IDENTIFIED, None)),
    ),
    Scenario(
        "crisis",
        "A fire destroyed the family's flat; staying with neighbours without documents or medication.",
        "Fire department",
        None,
        (
            ("homelessness-sheltered", ADDRESSED, None),
            ("material-hardship", IDENTIFIED, None),
            ("health-access", MET, None),
        ),
    ),
    Scenario(
        "crisis",
        "Found sleeping at the bus station on a freezing night; confused and without medication.",
        "Police",
        None,
        (("homelessness-unsheltered", ADDRESSED, None), ("health-access", UNMET, "documents")),
    ),
)
OUTREACH = (
    Scenario(
        "case_management",
        "Sleeping in a car behind the supermarket since the winter; works part time.",
        "Eastfield Interfaith Council warming centre",
        "Housing Stability",
        (("homelessness-unsheltered", ADDRESSED, None), ("employment-problems", IDENTIFIED, None)),
    ),
    Scenario(
        "case_management",
        "Camping by the river with a partner; both need ID to apply for housing.",
        "Street outreach",
        "Housing Stability",
        (("homelessness-unsheltered", UNMET, "documents"), ("health-access", IDENTIFIED, None)),
    ),
    Scenario(
        "case_management",
        "Older man living alone in a caravan with no heating; neighbours worried.",
        "Neighbour",
        None,
        (
            ("inadequate-housing", ADDRESSED, None),
            ("living-alone", IDENTIFIED, None),
            ("utilities", UNMET, "cost"),
        ),
    ),
)
CHILD_WELFARE = (
    Scenario(
        "child_welfare",
        "School reported bruises on the child's arms; the child said they were afraid to go home.",
        "Riverton Elementary School",
        "Family Support",
        (("parental-supervision", ADDRESSED, None), ("family-substance-use", IDENTIFIED, None)),
        family=True,
    ),
    Scenario(
        "child_welfare",
        "A neighbour reported the children left alone overnight on several occasions.",
        "Anonymous neighbour",
        "Family Support",
        (("parental-supervision", ADDRESSED, None), ("childcare", UNMET, "cost")),
        family=True,
    ),
    Scenario(
        "child_welfare",
        "Child placed with the grandmother after the parent's arrest; the kinship placement needs support.",
        "Demo County Department of Human Services",
        "Family Support",
        (("child-in-care", ADDRESSED, None), ("financial-insecurity", IDENTIFIED, None)),
        family=True,
    ),
    Scenario(
        "child_welfare",
        "Teenager told the school nurse that the parent's partner hits them when drinking.",
        "Port Ainsley High School",
        None,
        (("domestic-violence", ADDRESSED, None), ("family-substance-use", IDENTIFIED, None)),
        family=True,
    ),
    Scenario(
        "child_welfare",
        "Hospital concerned about a toddler's weight loss and missed health visits.",
        "Riverton Community Health Centre",
        "Family Support",
        (("health-access", ADDRESSED, None), ("food-insecurity", MET, None)),
        family=True,
    ),
)
SCHOOL = (
    Scenario("school", "Missed 18 days this term; says other pupils take their lunch and call them names.", "Eastfield Middle School", "School Success", (("education-problems", ADDRESSED, None), ("social-isolation", IDENTIFIED, None))),
    Scenario("school", "Falling behind in reading after changing school three times in two years.", "Riverton Elementary School", "School Success", (("education-problems", ADDRESSED, None), ("housing-instability", IDENTIFIED, None))),
    Scenario("school", "Repeated fights at lunchtime; the teacher is worried about what is happening at home.", "Eastfield Middle School", "School Success", (("education-problems", IDENTIFIED, None), ("family-disruption", IDENTIFIED, None))),
    Scenario("school", "Often hungry and falling asleep in class; the parent works nights and the breakfast club is full.", "Riverton Elementary School", "School Success", (("food-insecurity", UNMET, "waitlist"), ("education-problems", ADDRESSED, None))),
    Scenario("school", "Anxious about coming to school after being bullied; attendance dropping fast.", "Eastfield Middle School", "School Success", (("education-problems", ADDRESSED, None), ("mental-health", IDENTIFIED, None))),
)  # fmt: skip

POOLS = {
    "general": GENERAL,
    "youth": YOUTH,
    "crisis": CRISIS,
    "outreach": OUTREACH,
    "child_welfare": CHILD_WELFARE,
    "school": SCHOOL,
}


@dataclass(frozen=True)
class Workload:
    username: str
    pool: str
    cases: int
    closed: int = 0
    on_hold: int = 0
    # Ages of the children the cases are about (child welfare, school, youth); None: adults first, anyone.
    child_ages: tuple[int, int] | None = None


WORKLOADS = (
    Workload("caseworker", "general", 12, closed=2, on_hold=1),
    Workload("priya.natarajan", "general", 5, closed=1),
    Workload("tomas.lindqvist", "general", 4, on_hold=1),
    Workload("amara.okafor", "general", 4, closed=1),
    Workload("kai.nakoa", "youth", 3, child_ages=(5, 17)),
    Workload("crisis_worker", "crisis", 3, closed=1),
    Workload("outreach_worker", "outreach", 3),
    Workload("child_welfare_worker", "child_welfare", 5, closed=1, child_ages=(0, 17)),
    Workload("school_social_worker", "school", 5, on_hold=1, child_ages=(5, 18)),
)
HOLD_REASONS = (
    "In hospital for an operation; back in touch next month.",
    "Family abroad for a funeral until the end of term.",
)
CLOSING = (
    (Case.ClosingReason.GOALS_MET, "Goals met: stable and connected to the services they need."),
    (
        Case.ClosingReason.MOVED,
        "Moved to live with family in another county; their new agency has the referral.",
    ),
    (Case.ClosingReason.CLIENT_WITHDREW, "Decided they no longer want support; knows how to come back."),
    (Case.ClosingReason.REFERRED_OUT, "Referred to a specialist service that now holds the work."),
)
STEP_NOTES = {
    IDENTIFIED: "Raised at intake.",
    ADDRESSED: "Plan agreed with the client.",
    MET: "Confirmed with the client.",
    UNMET: "",
}


def _age(person: Person, today: dt.date) -> int:
    born = person.date_of_birth or dt.date(1980, 1, 1)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class _Seeder:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.today = timezone.localdate()
        self.programs = {program.name: program for program in Program.objects.all()}
        self.needs = {need.code: need for need in Need.objects.all()}
        self.barriers = {barrier.code: barrier for barrier in Barrier.objects.all()}
        self.households = {
            member.person_id: member.household
            for member in HouseholdMember.objects.filter(left_on__isnull=True).select_related("household")
        }
        self.cases = 0
        self.holds = 0
        self.needs_recorded = 0

    def _moment(self, day: dt.date) -> dt.datetime:
        clock = dt.time(self.rng.randint(9, 16), self.rng.choice([0, 15, 30, 45]))
        return dt.datetime.combine(day, clock, tzinfo=timezone.get_current_timezone())

    def open(self, worker: User, person: Person, scenario: Scenario, state: str) -> Case:
        opened = self.today - dt.timedelta(days=self.rng.randint(60, 420))
        case = Case(
            person=person,
            household=self.households.get(person.pk) if scenario.family else None,
            program=self.programs.get(scenario.program) if scenario.program else None,
            case_type=scenario.case_type,
            segment=Case.SEGMENT_OF_TYPE.get(scenario.case_type, ""),
            presenting_problem=scenario.problem,
            referral_source=scenario.referral,
            worker=worker,
            opened_on=opened,
        )
        end = self.today
        if state == Case.Status.CLOSED:
            reason, note = CLOSING[self.cases % len(CLOSING)]
            end = opened + dt.timedelta(days=self.rng.randint(45, (self.today - opened).days))
            case.status, case.closed_on, case.closing_reason, case.closing_note = state, end, reason, note
        elif state == Case.Status.ON_HOLD:
            case.status = state
            # The first hold (the caseworker's) is long enough to be flagged on the caseload page.
            case.on_hold_since = self.today - dt.timedelta(days=45 if not self.holds else 12)
            case.hold_reason = HOLD_REASONS[self.holds % len(HOLD_REASONS)]
            self.holds += 1
            end = case.on_hold_since
        case.save()
        self.cases += 1
        goals_met = case.closing_reason == Case.ClosingReason.GOALS_MET
        for code, now, barrier in scenario.needs:
            self.record_need(case, code, MET if goals_met else now, None if goals_met else barrier, end)
        return case

    def record_need(self, case: Case, code: str, now: str, barrier_code: str | None, end: dt.date) -> None:
        path = {IDENTIFIED: [IDENTIFIED], ADDRESSED: [IDENTIFIED, ADDRESSED]}.get(
            now, [IDENTIFIED, ADDRESSED, now]
        )
        barrier = self.barriers[barrier_code] if barrier_code else None
        day = min(case.opened_on + dt.timedelta(days=self.rng.randint(0, 7)), end)
        case_need = CaseNeed.objects.create(
            case=case,
            need=self.needs[code],
            status=now,
            barrier=barrier if now == UNMET else None,
            identified_on=day,
            version=len(path),
        )
        for step in path:
            unmet = step == UNMET
            CaseNeedChange.objects.create(
                case_need=case_need,
                status=step,
                barrier=barrier if unmet else None,
                note=f"Blocked: {barrier.label.lower()}." if unmet and barrier else STEP_NOTES[step],
                changed_by=case.worker,
                changed_at=self._moment(day),
            )
            day = min(day + dt.timedelta(days=self.rng.randint(7, 40)), end)
        self.needs_recorded += 1

    def people_for(self, workload: Workload) -> list[Person]:
        caseload = self.ctx.caseload(workload.username)
        if workload.child_ages is not None:
            youngest, oldest = workload.child_ages
            return [p for p in caseload if youngest <= _age(p, self.today) <= oldest][: workload.cases]
        adults = [p for p in caseload if _age(p, self.today) >= 18]
        return (adults + [p for p in caseload if _age(p, self.today) < 18])[: workload.cases]

    def seed_workload(self, workload: Workload) -> None:
        worker = self.ctx.staff.get(workload.username)
        if worker is None:
            return
        pool = list(POOLS[workload.pool])
        self.rng.shuffle(pool)
        people = self.people_for(workload)
        for index, person in enumerate(people):
            scenario = pool[index % len(pool)]
            if workload.pool == "general" and _age(person, self.today) < 18:
                scenario = FAMILY[index % len(FAMILY)]
            if scenario.family and person.pk not in self.households:
                scenario = replace(scenario, family=False)
            if index < workload.closed:
                state = Case.Status.CLOSED
            elif index < workload.closed + workload.on_hold:
                state = Case.Status.ON_HOLD
            else:
                state = Case.Status.OPEN
            self.open(worker, person, scenario, state)

    def seed_substance_use(self) -> None:
        """One substance-use case for the caseworker (granted the segment), on a second case of a client."""
        worker = self.ctx.staff.get("caseworker")
        adults = [p for p in self.ctx.caseload("caseworker") if _age(p, self.today) >= 18]
        if worker is not None and adults:
            self.open(worker, adults[-1], SUBSTANCE_USE, Case.Status.OPEN)


def seed(ctx: DemoContext) -> str:
    if Case.objects.exists():
        return ""
    seeder = _Seeder(ctx)
    for workload in WORKLOADS:
        seeder.seed_workload(workload)
    seeder.seed_substance_use()
    if not seeder.cases:
        return ""
    audit_record(
        actor=None,
        action=AuditEntry.Action.CREATE,
        object_type="demo.cases",
        fields=["cases", "needs"],
        purpose="demo cases loaded by seed_demo",
    )
    return f"{seeder.cases} cases with {seeder.needs_recorded} coded needs"
