"""What a generated agency holds and in what proportions: sizes, shares, the fixed texts it draws from."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from tapestry.access.models import Role, User
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.grants.models import Funder
from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.mezzo.groups.models import Group
from tapestry.micro.cases.models import Case
from tapestry.people.models import Person

DEFAULT_BATCH = 5_000
OPEN_CASES_PER_WORKER = 60
FRONTLINE_PER_SUPERVISOR = 8
PERSONS_PER_GROUP = 400
NOTES_CAP = 400
USERNAME_PREFIX = "agency."

# Household sizes as intake sees them: many people alone, a long tail of larger families.
HOUSEHOLD_SIZES = (1, 2, 3, 4, 5, 6)
HOUSEHOLD_WEIGHTS = (45, 20, 16, 11, 6, 2)
MEAN_HOUSEHOLD = sum(s * w for s, w in zip(HOUSEHOLD_SIZES, HOUSEHOLD_WEIGHTS, strict=True)) / sum(
    HOUSEHOLD_WEIGHTS
)
OPEN_SHARE = 0.55  # of current cases; the rest are closed or on hold
SECOND_CASE_SHARE = 0.12  # heads with an earlier, closed case
NEAR_DUPLICATE_SHARE = 0.03

# (case type, weight, worker role, segment); substance-use cases go to the workers granted that segment.
CASE_TYPES = (
    (Case.Type.CASE_MANAGEMENT, 40, Role.CASEWORKER),
    (Case.Type.COUNSELLING, 15, Role.CASEWORKER),
    (Case.Type.MENTAL_HEALTH, 12, Role.CASEWORKER),
    (Case.Type.FAMILY_THERAPY, 6, Role.CASEWORKER),
    (Case.Type.SUBSTANCE_USE, 7, Role.CASEWORKER),
    (Case.Type.CRISIS, 8, Role.CRISIS_WORKER),
    (Case.Type.CHILD_WELFARE, 6, Role.CHILD_WELFARE_WORKER),
    (Case.Type.SCHOOL, 6, Role.SCHOOL_SOCIAL_WORKER),
)
FRONTLINE_SHARE = {Role.CASEWORKER: 0.80, Role.CRISIS_WORKER: 0.08, Role.CHILD_WELFARE_WORKER: 0.06}
FRONTLINE_SHARE[Role.SCHOOL_SOCIAL_WORKER] = 1 - sum(FRONTLINE_SHARE.values())
SUBSTANCE_USE_WORKERS = 4  # one caseworker in this many holds the substance-use grant

# (name, description, case types it takes)
PROGRAMS = (
    ("Housing Stability", "Keeping people housed: rent arrears, eviction defence, moves.", {"case_management"}),
    ("Family Support", "Parents and carers under strain; family sessions and parenting groups.", {"family_therapy", "child_welfare"}),
    ("Youth and Schools", "School social work and youth groups.", {"school"}),
    ("Recovery Support", "Outpatient substance-use counselling and recovery groups.", {"substance_use"}),
    ("Wellbeing and Counselling", "Short-term counselling and mental-health support.", {"counselling", "mental_health"}),
)  # fmt: skip

PROBLEMS = (
    "Behind on rent after hours were cut; an eviction notice came last week.",
    "Lost their job when the plant closed; food runs out before the end of the month.",
    "Low mood and poor sleep since a bereavement; has stopped seeing friends.",
    "New to the county; needs help with benefits, school places and English classes.",
    "Panic attacks at work and afraid of losing the job.",
    "Released from jail last month; sleeping on a friend's sofa.",
    "Caring full time for a parent with dementia; exhausted and behind on bills.",
    "Left a violent partner; staying at the shelter with the children.",
    "Living alone since a fall; cannot get to medical appointments.",
    "Benefits stopped after a missed review letter; no income for six weeks.",
    "The school reports long absences and falling grades.",
    "Drinking more since the separation; would like to cut down.",
    "Called the crisis line at night; worried about their safety.",
    "The landlord will not repair the heating; a child's asthma is worse.",
)
REFERRERS = (
    "Self-referred",
    "Riverton Housing Authority",
    "Primary care doctor",
    "Riverton Community Health Centre",
    "School counsellor",
    "Demo County Family Court",
    "Crisis line",
    "Hospital discharge planner",
    "Second Chance Re-entry Network",
)
HOLD_REASONS = ("Client in hospital", "Client travelling to family", "Waiting for a court date")
NOTE_TITLES = ("Check-in", "Home visit", "Session", "Phone call", "Benefits appointment", "Review")
NOTE_SAID = (
    "Client said the week had been hard but they kept the appointment at the housing office.",
    "Client reported sleeping better and eating regular meals.",
    "Client described an argument with the landlord about repairs.",
    "Client brought the letters from the benefits office; we read them together.",
    "Client was tearful when talking about the children's school.",
    "Client said the food parcel lasted until the weekend.",
    "Client has started the job search course at the library.",
)
NOTE_SEEN = (
    "Calm and engaged; kept eye contact.",
    "Tired and quiet; answered briefly.",
    "Flat was tidy; heating still not working.",
    "Arrived on time with all documents.",
)
NOTE_UNDERSTOOD = (
    "Progress on the housing goal; income remains the main risk.",
    "Mood is improving with routine; isolation still a concern.",
    "Engagement good; the barrier is the waiting list, not motivation.",
    "Risk is low today; the safety plan is in place and known.",
)
NOTE_NEXT = (
    "Worker to call the landlord before Friday; next visit in two weeks.",
    "Client to bring the payslips; worker to chase the benefits review.",
    "Refer to the food collective; review at the next session.",
    "Continue weekly sessions; check in by phone mid-week.",
)
GROUP_KINDS = (
    (Group.Kind.SUPPORT, "Peer support circle"),
    (Group.Kind.PARENTING, "Parenting class"),
    (Group.Kind.YOUTH, "Youth club"),
    (Group.Kind.THERAPY, "Anxiety skills group"),
    (Group.Kind.NEIGHBOURHOOD, "Tenants' group"),
)
SESSION_TOPICS = ("Welcome and ground rules", "Managing stress", "Money and bills", "Talking with children",
                  "Sleep and routine", "Finding work", "Knowing your rights", "Looking back, looking ahead")  # fmt: skip
ATTENDANCE_MARKS = (
    Attendance.Mark.PRESENT,
    Attendance.Mark.LATE,
    Attendance.Mark.EXCUSED,
    Attendance.Mark.ABSENT,
)


@dataclass
class AgencyPlan:
    """What to build: the number of persons, the seed, the batch size and the day dates count back from."""

    clients: int
    seed: int
    batch: int = DEFAULT_BATCH
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def batches(self) -> int:
        return math.ceil(self.clients / self.batch)


@dataclass
class StaffIds:
    """The ids later batches need: frontline workers by role, facilitators, programs, the catalogue."""

    workers: dict[str, list[int]]
    substance_use_workers: list[int]
    facilitators: list[int]
    programs: dict[str, int]
    needs: list[int]
    barriers: list[int]
    services: list[tuple[int, int]]  # (directory service, the agency's record of its organisation)


# (organisation, kind, service): the directory services referrals go to.
SERVICES = (
    ("Riverton Food Collective", "nonprofit", "Food pantry and weekly hot meals"),
    ("Legal Aid of Demo County", "nonprofit", "Eviction defence"),
    ("Riverton Community Health Centre", "health", "Primary care on a sliding fee scale"),
    ("Eastfield Mental Health Services", "health", "Counselling for adults"),
    ("Open Door Tenants' Union", "nonprofit", "Tenant advice line"),
    ("Northgate Community College", "school", "English classes for adults"),
)
REFERRAL_REASONS = (
    "Needs food for the household until the benefits review is settled.",
    "Facing eviction; please advise on the notice and represent at the hearing if you can.",
    "No regular doctor; needs a check-up and a medication review.",
    "Would like counselling; low mood for several months.",
    "Repairs refused by the landlord; would like advice on their rights.",
    "Wants to improve their English to find work.",
)
DECLINE_REASONS = ("Outside our service area", "Waiting list closed", "Not eligible")


class AgencyNotEmpty(Exception):
    """The database already holds persons or cases: a generated agency would mix with them."""


def agency_is_empty() -> bool:
    return not (
        Person.objects.exists()
        or Case.objects.exists()
        or User.objects.filter(username__startswith=USERNAME_PREFIX).exists()
    )


def frontline_count(clients: int) -> int:
    """Frontline workers for `clients` persons: one per OPEN_CASES_PER_WORKER expected open cases."""
    open_cases = clients / MEAN_HOUSEHOLD * OPEN_SHARE
    return max(4, math.ceil(open_cases / OPEN_CASES_PER_WORKER))


CAMPAIGNS = (
    ("Fix it first: repairs before rent rises", Campaign.Kind.POLICY_ADVOCACY, "A county ordinance requiring repairs before rent increases."),
    ("Free buses for job seekers", Campaign.Kind.LEGISLATIVE_LOBBYING, "Free county bus passes for people looking for work."),
    ("No child hungry in the holidays", Campaign.Kind.PUBLIC_AWARENESS, "Summer meal sites in every school district."),
    ("Interpreters at every benefits office", Campaign.Kind.SOCIAL_JUSTICE, "Phone interpreters on request at each office."),
)  # fmt: skip
FUNDERS = (
    ("Maplewood Community Foundation", Funder.Kind.FOUNDATION),
    ("Tri-County United Fund", Funder.Kind.COMMUNITY),
    ("Demo County Department of Human Services", Funder.Kind.GOVERNMENT),
)
