"""Generates a synthetic agency of any size, batch by batch, for load tests and query plans.

Unlike the small demo (generate.py) it writes with `bulk_create`, one transaction per batch of
persons, and keeps between batches only what later batches need (staff ids, the catalogue's ids,
counters), so memory stays flat whatever the number of clients. Every batch draws from its own
`random.Random` seeded from (seed, batch number): the same clients, seed and batch size give the
same agency. It is a loader, not a user action: the audit entries it writes (case openings and
record views, as a working agency leaves them) are chained in bulk by `_audit_append`, under the
chain head's lock, so `manage.py verify_audit` still passes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.db import models, reset_queries, transaction

from tapestry.access.audit import entry_digest
from tapestry.access.models import (
    Assignment,
    AuditChainHead,
    AuditEntry,
    Role,
    Segment,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.demo import names
from tapestry.demo.generate import DEMO_PASSWORD
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.grants.models import Funder, Opportunity
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.services import scored
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.micro.casework.models import ProgressNote, ServiceRecord
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import (
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    Person,
    PersonAlias,
    Relationship,
    normalise_contact,
    search_name_of,
)
from tapestry.programs.models import Program, ProgramStaff

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
class _Staff:
    """The ids later batches need: frontline workers by role, facilitators, programs, the catalogue."""

    workers: dict[str, list[int]]
    substance_use_workers: list[int]
    facilitators: list[int]
    programs: dict[str, int]
    needs: list[int]
    barriers: list[int]


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


# ---- progress --------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal stream: persons done, rows per second and time left."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.started = time.monotonic()

    def show(self, done: int, rows: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        share = done / self.total if self.total else 1.0
        filled = int(self.width * share)
        eta = elapsed / share - elapsed if share else 0.0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{self.total:,} persons "
            f"{rows / elapsed:,.0f} rows/s ETA {_clock(eta)} "
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write(f"\n  done in {_clock(time.monotonic() - self.started)}\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


# ---- the audit chain -------------------------------------------------------------------------


def _audit_append(entries: list[AuditEntry]) -> None:
    """Chain `entries` after the head, in order, and move the head: the rules of audit_record, in bulk.

    The caller holds a transaction; the head row is locked until it commits, as for one entry.
    """
    if not entries:
        return
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    last_id, last_hash = head.last_id, head.last_hash
    for entry in entries:
        last_id += 1
        entry.id = last_id
        entry.prev_hash = last_hash
        entry.hash = last_hash = entry_digest(entry)
    AuditEntry.objects.bulk_create(entries)
    head.last_id, head.last_hash = last_id, last_hash
    head.save(update_fields=["last_id", "last_hash"])


# ---- staff -----------------------------------------------------------------------------------


def _staff_name(rng: random.Random) -> tuple[str, str]:
    pool = rng.choice((names.GIVEN_WOMEN, names.GIVEN_MEN, names.GIVEN_NEUTRAL))
    return rng.choice(pool), rng.choice(names.FAMILY_NAMES)


def _make_staff(plan: AgencyPlan, counts: Counter) -> _Staff:
    rng = random.Random(f"tapestry-agency:{plan.seed}:staff")
    password = make_password(DEMO_PASSWORD)
    frontline = frontline_count(plan.clients)
    supervisors = math.ceil(frontline / FRONTLINE_PER_SUPERVISOR)
    managers = max(1, math.ceil(supervisors / 6))
    facilitators = max(1, math.ceil(plan.clients / PERSONS_PER_GROUP / 6))
    serial = Counter()

    def user(role: str, supervisor: int | None = None) -> User:
        serial[role] += 1
        given, family = _staff_name(rng)
        username = f"{USERNAME_PREFIX}{role.replace('_', '-')}{serial[role]:04d}"
        return User(
            username=username,
            first_name=given,
            last_name=family,
            email=f"{username}@agency.tapestry.example.org",
            role=role,
            password=password,
            supervisor_id=supervisor,
        )

    def create(users: list[User]) -> list[User]:
        made = User.objects.bulk_create(users)
        counts["access.user"] += len(made)
        return made

    (director,) = create([user(Role.AGENCY_DIRECTOR)])
    create([user(Role.ADMINISTRATOR), user(Role.AUDITOR)])
    manager_rows = create([user(Role.PROGRAM_MANAGER, director.pk) for _ in range(managers)])
    create(
        [
            user(role, manager_rows[0].pk)
            for role in (
                Role.EVALUATOR,
                Role.GRANTS_OFFICER,
                Role.COMMUNITY_ORGANISER,
                Role.COMMUNITY_EDUCATOR,
            )
        ]
    )
    supervisor_rows = create(
        [user(Role.SUPERVISOR, manager_rows[index % managers].pk) for index in range(supervisors)]
    )
    roles = [role for role, share in FRONTLINE_SHARE.items() for _ in range(max(1, round(frontline * share)))]
    frontline_rows = create(
        [
            user(role, supervisor_rows[index // FRONTLINE_PER_SUPERVISOR % supervisors].pk)
            for index, role in enumerate(roles)
        ]
    )
    facilitator_rows = create(
        [user(Role.GROUP_FACILITATOR, manager_rows[index % managers].pk) for index in range(facilitators)]
    )

    teams = Team.objects.bulk_create(
        Team(
            name=f"Team {index + 1:03d} ({names.TOWNS[index % len(names.TOWNS)][0]})",
            description="Generated.",
        )
        for index in range(supervisors)
    )
    counts["access.team"] += len(teams)
    memberships = [
        TeamMembership(team=team, user=boss, is_lead=True)
        for team, boss in zip(teams, supervisor_rows, strict=True)
    ]
    memberships += [
        TeamMembership(team=teams[index // FRONTLINE_PER_SUPERVISOR % supervisors], user=worker)
        for index, worker in enumerate(frontline_rows)
    ]
    counts["access.teammembership"] += len(TeamMembership.objects.bulk_create(memberships))

    workers: dict[str, list[int]] = {}
    for worker in frontline_rows:
        workers.setdefault(worker.role, []).append(worker.pk)
    substance_use = workers[Role.CASEWORKER][::SUBSTANCE_USE_WORKERS]
    grants = [
        SegmentGrant(
            user_id=pk,
            segment=Segment.SUBSTANCE_USE,
            granted_by=director,
            reason="Co-occurring disorders caseload.",
        )
        for pk in substance_use
    ]
    grants += [
        SegmentGrant(
            user_id=pk, segment=Segment.CHILD_WELFARE, granted_by=director, reason="Child-welfare role."
        )
        for pk in workers[Role.CHILD_WELFARE_WORKER]
    ]
    grants += [
        SegmentGrant(
            user_id=pk, segment=Segment.SCHOOL, granted_by=director, reason="School district agreement."
        )
        for pk in workers[Role.SCHOOL_SOCIAL_WORKER]
    ]
    counts["access.segmentgrant"] += len(SegmentGrant.objects.bulk_create(grants))

    programs = {}
    for index, (name, description, _) in enumerate(PROGRAMS):
        program = Program.objects.create(
            name=name,
            description=description,
            capacity=max(10, plan.clients // 5),
            starts_on=plan.today - dt.timedelta(days=3 * 365),
            created_by=manager_rows[index % managers],
        )
        programs[name] = program.pk
        ProgramStaff.objects.create(
            program=program,
            user=manager_rows[index % managers],
            role_in_program=ProgramStaff.RoleInProgram.MANAGER,
            started_on=program.starts_on,
        )
    counts[Program._meta.label_lower] += len(programs)
    counts[ProgramStaff._meta.label_lower] += len(programs)

    needs = list(Need.objects.filter(is_active=True).order_by("code").values_list("pk", flat=True))
    organiser = User.objects.get(role=Role.COMMUNITY_ORGANISER, username__startswith=USERNAME_PREFIX)
    grants_officer = User.objects.get(role=Role.GRANTS_OFFICER, username__startswith=USERNAME_PREFIX)
    _make_macro(plan, rng, counts, organiser=organiser, grants_officer=grants_officer, needs=needs,
                programs=list(programs.values()))  # fmt: skip
    return _Staff(
        workers=workers,
        substance_use_workers=substance_use,
        facilitators=[row.pk for row in facilitator_rows],
        programs=programs,
        needs=needs,
        barriers=list(Barrier.objects.filter(is_active=True).order_by("code").values_list("pk", flat=True)),
    )


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


def _make_macro(plan: AgencyPlan, rng: random.Random, counts: Counter, *, organiser: User,
                grants_officer: User, needs: list[int], programs: list[int]) -> None:  # fmt: skip
    """A few campaigns and funders with open opportunities: dozens of rows at most, whatever the size."""
    campaigns = Campaign.objects.bulk_create(
        Campaign(
            title=title,
            kind=kind,
            goals=goals,
            status=Campaign.Status.ACTIVE,
            lead=organiser,
            created_by=organiser,
            starts_on=plan.today - dt.timedelta(days=rng.randint(30, 400)),
        )  # fmt: skip
        for title, kind, goals in CAMPAIGNS
    )
    links = [
        Campaign.needs.through(campaign=c, need_id=n)
        for c in campaigns
        for n in rng.sample(needs, min(2, len(needs)))
    ]
    Campaign.needs.through.objects.bulk_create(links)
    counts[Campaign._meta.label_lower] += len(campaigns)
    for name, kind in FUNDERS:
        organisation = Organisation.objects.create(
            name=name,
            kind=Organisation.Kind.FUNDER if kind != Funder.Kind.GOVERNMENT else Organisation.Kind.GOVERNMENT,
        )
        funder = Funder.objects.create(organisation=organisation, kind=kind, created_by=grants_officer)
        for round_number in (1, 2):
            opportunity = Opportunity.objects.create(
                funder=funder,
                title=f"{name}: round {round_number}",
                deadline=plan.today + dt.timedelta(days=rng.randint(20, 200)),
                created_by=grants_officer,
            )
            opportunity.programs.add(rng.choice(programs))
            counts[Opportunity._meta.label_lower] += 1
        counts[Organisation._meta.label_lower] += 1
        counts[Funder._meta.label_lower] += 1


# ---- one batch of persons and everything about them -------------------------------------------

# Chance that a person living alone is a second record of someone already on file (intake typos).
_DUPLICATE_CHANCE = NEAR_DUPLICATE_SHARE * MEAN_HOUSEHOLD / (HOUSEHOLD_WEIGHTS[0] / sum(HOUSEHOLD_WEIGHTS))
_GENDER_POOLS = (("woman", names.GIVEN_WOMEN), ("man", names.GIVEN_MEN), ("non-binary", names.GIVEN_NEUTRAL))


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=dt.UTC)


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _misspell(rng: random.Random, name: str) -> str:
    """A variant a hurried intake produces: a dropped, doubled or swapped letter."""
    if len(name) < 4:
        return name + name[-1]
    at = rng.randint(1, len(name) - 2)
    how = rng.randrange(3)
    if how == 0:
        return name[:at] + name[at + 1 :]
    if how == 1:
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def _spread(rng: random.Random, codes: list[str], total: int, top: int) -> dict[str, str]:
    """Answers on a 0..top scale over `codes` that add up to `total`, spread at random."""
    points = dict.fromkeys(codes, 0)
    for _ in range(min(total, top * len(codes))):
        code = rng.choice([c for c in codes if points[c] < top])
        points[code] += 1
    return {code: str(value) for code, value in points.items()}


class _Batch:
    """The rows of one batch, drawn from the batch's own generator and written in one transaction."""

    def __init__(self, plan: AgencyPlan, staff: _Staff, usernames: dict[int, str], number: int) -> None:
        self.rng = random.Random(f"tapestry-agency:{plan.seed}:batch:{number}")
        self.plan = plan
        self.staff = staff
        self.usernames = usernames
        self.number = number
        self.first = number * plan.batch
        self.size = min(plan.batch, plan.clients - self.first)
        self.today = plan.today
        self.counts: Counter = Counter()
        self.audit: list[AuditEntry] = []

    def save(self, model: type[models.Model], rows: list) -> list:
        made = model.objects.bulk_create(rows)
        self.counts[model._meta.label_lower] += len(made)
        return made

    # persons ------------------------------------------------------------------------------
    def _given(self) -> tuple[str, str]:
        gender, pool = self.rng.choices(_GENDER_POOLS, weights=(47, 46, 7))[0]
        given = self.rng.choice(pool)
        if self.rng.random() < 0.15:
            given = f"{given} {self.rng.choice(pool)}"
        return given, gender

    def _family(self) -> str:
        family = self.rng.choice(names.FAMILY_NAMES)
        if self.rng.random() < 0.1:
            family = f"{family}-{self.rng.choice(names.FAMILY_NAMES)}"
        return family

    def _person(self, *, family: str, youngest: int, oldest: int, adult: bool) -> Person:
        given, gender = self._given()
        languages, interpreter = self.rng.choice(names.LANGUAGES)
        recorded = adult or self.rng.random() < 0.5
        identities = names.GENDER_IDENTITY if adult else names.CHILD_GENDER_IDENTITY
        preferred = names.NICKNAMES.get(given, "") if self.rng.random() < 0.6 else ""
        born = self.today - dt.timedelta(days=self.rng.randint(youngest * 365, oldest * 365 + 364))
        return Person(
            given_name=given,
            family_name=family,
            preferred_name=preferred,
            date_of_birth=born,
            gender_identity=identities[gender] if recorded else "",
            pronouns=names.PRONOUNS[gender] if recorded else "",
            languages=languages,
            needs_interpreter=interpreter and adult,
            notes=self.rng.choice(names.PRACTICAL_NOTES) if adult and self.rng.random() < 0.3 else "",
            search_name=search_name_of(given, preferred, family),
        )

    def _near_duplicate(self, original: Person) -> Person:
        given, family, born = original.given_name, original.family_name, original.date_of_birth
        if self.rng.random() < 0.5:
            family = _misspell(self.rng, family)
        else:
            given = _misspell(self.rng, given)
        if self.rng.random() < 0.2 and born.day <= 12:
            born = born.replace(month=born.day, day=born.month)  # day and month swapped on a form
        return Person(
            given_name=given,
            family_name=family,
            date_of_birth=born,
            languages=original.languages,
            search_name=search_name_of(given, family),
        )

    def make_people(self) -> list[tuple[int, list[int], int | None]]:
        """Persons, contacts, aliases, households and relationships; returns (head, children, household) ids."""
        rng = self.rng
        persons: list[Person] = []
        shapes: list[tuple[int, list[tuple[int, str]], str]] = []  # head index, (index, position), name
        shared_phone: dict[int, int] = {}  # duplicate index -> original index
        adults: list[int] = []
        while len(persons) < self.size:
            size = min(rng.choices(HOUSEHOLD_SIZES, weights=HOUSEHOLD_WEIGHTS)[0], self.size - len(persons))
            if size == 1 and adults and rng.random() < _DUPLICATE_CHANCE:
                original = rng.choice(adults)
                persons.append(self._near_duplicate(persons[original]))
                if rng.random() < 0.5:
                    shared_phone[len(persons) - 1] = original
                shapes.append((len(persons) - 1, [], ""))
                continue
            family = self._family()
            head = len(persons)
            persons.append(
                self._person(family=family, youngest=19, oldest=80 if size == 1 else 60, adult=True)
            )
            adults.append(head)
            members = [(head, HouseholdMember.Position.HEAD)]
            if size >= 2 and rng.random() < 0.6:
                partner_family = family if rng.random() < 0.5 else self._family()
                persons.append(self._person(family=partner_family, youngest=19, oldest=60, adult=True))
                adults.append(len(persons) - 1)
                members.append((len(persons) - 1, HouseholdMember.Position.PARTNER))
            while len(members) < size:
                persons.append(self._person(family=family, youngest=0, oldest=17, adult=False))
                members.append((len(persons) - 1, HouseholdMember.Position.CHILD))
            shapes.append((head, members if size > 1 else [], f"{family} household"))
        persons = self.save(Person, persons)

        contacts, aliases = [], []
        for index in adults + list(shared_phone):
            person = persons[index]
            number = self.first + index
            phone_of = self.first + shared_phone.get(index, index)
            phone = f"(555) {phone_of // 10_000 % 1000:03d}-{phone_of % 10_000:04d}"
            contacts.append(ContactPoint(person=person, kind=ContactPoint.Kind.PHONE, value=phone,
                                         normalised=normalise_contact(ContactPoint.Kind.PHONE, phone),
                                         safe_to_contact=rng.random() > 0.08))  # fmt: skip
            if rng.random() < 0.5:
                email = f"{search_name_of(person.given_name).replace(' ', '')}.{number}@example.org"
                contacts.append(
                    ContactPoint(
                        person=person,
                        kind=ContactPoint.Kind.EMAIL,
                        value=email,
                        normalised=normalise_contact(ContactPoint.Kind.EMAIL, email),
                    )
                )
            if rng.random() < 0.08:
                alias = f"{person.given_name} {_misspell(rng, person.family_name)}"
                aliases.append(PersonAlias(person=person, name=alias, search_name=search_name_of(alias)))
        self.save(ContactPoint, contacts)
        self.save(PersonAlias, aliases)

        households = self.save(Household, [Household(name=name) for _, members, name in shapes if members])
        rows, links = [], []
        found = iter(households)
        result = []
        for head, members, _ in shapes:
            if not members:
                result.append((persons[head].pk, [], None))
                continue
            household = next(found)
            for index, position in members:
                joined = self.today - dt.timedelta(days=rng.randint(30, 3000))
                rows.append(
                    HouseholdMember(
                        household=household, person=persons[index], position=position, joined_on=joined
                    )
                )
            parents = [persons[i] for i, p in members if p != HouseholdMember.Position.CHILD]
            children = [persons[i] for i, p in members if p == HouseholdMember.Position.CHILD]
            if len(parents) == 2:
                links.append(
                    Relationship(from_person=parents[0], to_person=parents[1], kind=Relationship.Kind.PARTNER)
                )
            links += [
                Relationship(from_person=p, to_person=c, kind=Relationship.Kind.PARENT)
                for p in parents
                for c in children
            ]
            links += [
                Relationship(from_person=a, to_person=b, kind=Relationship.Kind.SIBLING)
                for a, b in zip(children, children[1:], strict=False)
            ]
            result.append((persons[head].pk, [child.pk for child in children], household.pk))
        self.save(HouseholdMember, rows)
        self.save(Relationship, links)
        return result

    # cases and casework -------------------------------------------------------------------
    def _worker_for(self, case_type: str, role: str) -> int:
        if case_type == Case.Type.SUBSTANCE_USE:
            return self.rng.choice(self.staff.substance_use_workers)
        return self.rng.choice(self.staff.workers[role])

    def _program_for(self, case_type: str) -> int | None:
        if self.rng.random() < 0.3:
            return None
        return next((self.staff.programs[name] for name, _, types in PROGRAMS if case_type in types), None)

    def _case(self, *, person: int, household: int | None, case_type: str, worker: int,
              opened: dt.date, closed: dt.date | None, status: str) -> Case:  # fmt: skip
        rng = self.rng
        on_hold_since = _between(rng, opened, self.today) if status == Case.Status.ON_HOLD else None
        return Case(
            person_id=person,
            household_id=household
            if case_type in (Case.Type.FAMILY_THERAPY, Case.Type.CHILD_WELFARE)
            else None,
            program_id=self._program_for(case_type),
            case_type=case_type,
            segment=Case.SEGMENT_OF_TYPE.get(case_type, ""),
            presenting_problem=rng.choice(PROBLEMS),
            referral_source=rng.choice(REFERRERS),
            worker_id=worker,
            status=status,
            on_hold_since=on_hold_since,
            hold_reason=rng.choice(HOLD_REASONS) if on_hold_since else "",
            opened_on=opened,
            closed_on=closed,
            closing_reason=rng.choice(Case.ClosingReason.values) if closed else "",
        )

    def make_cases(self, households: list[tuple[int, list[int], int | None]]) -> list[tuple[int, int, int]]:
        """Cases for each household's head (or a child, for school work) and their caseload assignments.

        Returns (person id, case id, worker id) of current, open cases, for the groups.
        """
        rng, today = self.rng, self.today
        types = [row[0] for row in CASE_TYPES]
        weights = [row[1] for row in CASE_TYPES]
        roles = {row[0]: row[2] for row in CASE_TYPES}
        cases, assignments = [], []
        for head, children, household in households:
            case_type = rng.choices(types, weights=weights)[0]
            person = head
            if case_type == Case.Type.SCHOOL:
                if not children:
                    case_type = Case.Type.CASE_MANAGEMENT
                else:
                    person = rng.choice(children)
            worker = self._worker_for(case_type, roles[case_type])
            status = rng.choices(Case.Status.values, weights=(OPEN_SHARE * 100, 5, 95 - OPEN_SHARE * 100))[0]
            if status == Case.Status.CLOSED:
                opened = today - dt.timedelta(days=rng.randint(30, 1500))
                closed = min(today, opened + dt.timedelta(days=rng.randint(14, 400)))
            else:
                opened, closed = today - dt.timedelta(days=rng.randint(0, 720)), None
            started = opened
            if rng.random() < SECOND_CASE_SHARE and opened > today - dt.timedelta(days=1200):
                # A returning client: an earlier case with the same worker, closed before this one opened.
                earlier_closed = opened - dt.timedelta(days=rng.randint(30, 200))
                started = earlier_closed - dt.timedelta(days=rng.randint(30, 300))
                cases.append(self._case(person=person, household=household, case_type=case_type, worker=worker,
                                        opened=started, closed=earlier_closed, status=Case.Status.CLOSED))  # fmt: skip
            cases.append(self._case(person=person, household=household, case_type=case_type, worker=worker,
                                    opened=opened, closed=closed, status=status))  # fmt: skip
            assignments.append(
                Assignment(staff_id=worker, person_id=person, started_on=started, ended_on=closed)
            )
        cases = self.save(Case, cases)
        self.save(Assignment, assignments)
        for case in cases:
            self.audit.append(self._entry(case.worker_id, AuditEntry.Action.CREATE, "cases.case", case.pk,
                                          case.person_id, case.opened_on, ["case_type", "presenting_problem", "worker"],
                                          "case opened"))  # fmt: skip
            if rng.random() < 0.6:
                day = _between(rng, case.opened_on, case.closed_on or today)
                self.audit.append(self._entry(case.worker_id, AuditEntry.Action.VIEW, "people.person", case.person_id,
                                              case.person_id, day, ["date_of_birth", "name"], "client record opened"))  # fmt: skip
        self.make_needs(cases)
        self.make_notes(cases)
        self.make_assessments(cases)
        return [
            (case.person_id, case.pk, case.worker_id) for case in cases if case.status == Case.Status.OPEN
        ]

    def _entry(self, actor: int, action: str, object_type: str, object_id: int, person: int,
               day: dt.date, fields: list[str], purpose: str) -> AuditEntry:  # fmt: skip
        return AuditEntry(at=_moment(day, self.rng), actor_id=actor, actor_username=self.usernames[actor],
                          action=action, object_type=object_type, object_id=str(object_id), person_id=person,
                          fields=sorted(fields), purpose=purpose)  # fmt: skip

    def make_needs(self, cases: list[Case]) -> None:
        rng = self.rng
        statuses = CaseNeed.Status.values
        needs = []
        for case in cases:
            for need in rng.sample(self.staff.needs, k=min(len(self.staff.needs), rng.randint(1, 4))):
                status = rng.choices(statuses, weights=(30, 35, 20, 15))[0]
                if case.status == Case.Status.CLOSED and status in (
                    CaseNeed.Status.IDENTIFIED,
                    CaseNeed.Status.BEING_ADDRESSED,
                ):
                    status = CaseNeed.Status.MET
                barrier = (
                    rng.choice(self.staff.barriers)
                    if status == CaseNeed.Status.UNMET and self.staff.barriers
                    else None
                )
                if status == CaseNeed.Status.UNMET and barrier is None:
                    status = CaseNeed.Status.IDENTIFIED
                needs.append(
                    CaseNeed(
                        case=case,
                        need_id=need,
                        status=status,
                        barrier_id=barrier,
                        identified_on=case.opened_on,
                    )
                )
        needs = self.save(CaseNeed, needs)
        changes = []
        for need in needs:
            case = need.case
            changes.append(CaseNeedChange(case_need=need, status=CaseNeed.Status.IDENTIFIED, changed_by_id=case.worker_id,
                                          changed_at=_moment(case.opened_on, rng)))  # fmt: skip
            if need.status != CaseNeed.Status.IDENTIFIED:
                day = _between(rng, case.opened_on, case.closed_on or self.today)
                changes.append(CaseNeedChange(case_need=need, status=need.status, barrier_id=need.barrier_id,
                                              changed_by_id=case.worker_id, changed_at=_moment(day, rng)))  # fmt: skip
        self.save(CaseNeedChange, changes)

    def _note(self, case: Case, day: dt.date) -> ProgressNote:
        rng = self.rng
        note_format = rng.choices(ProgressNote.Format.values, weights=(30, 20, 50))[0]
        sections: dict[str, str] = {}
        if note_format == ProgressNote.Format.DAP:
            sections = {
                "data": rng.choice(NOTE_SAID),
                "assessment": rng.choice(NOTE_UNDERSTOOD),
                "plan": rng.choice(NOTE_NEXT),
            }
        elif note_format == ProgressNote.Format.SOAP:
            sections = {"subjective": rng.choice(NOTE_SAID), "objective": rng.choice(NOTE_SEEN),
                        "assessment": rng.choice(NOTE_UNDERSTOOD), "plan": rng.choice(NOTE_NEXT)}  # fmt: skip
        else:
            sections = {"text": f"{rng.choice(NOTE_SAID)} {rng.choice(NOTE_NEXT)}"}
        signed = day < self.today - dt.timedelta(days=3) or rng.random() < 0.5
        contact_type = rng.choice(ProgressNote.ContactType.values[:4])
        return ProgressNote(
            case=case,
            author_id=case.worker_id,
            format=note_format,
            title=rng.choice(NOTE_TITLES),
            contact_date=day,
            duration_minutes=rng.choice((15, 30, 45, 60, 90)),
            contact_type=contact_type,
            effective_segment=case.segment,
            status=ProgressNote.Status.SIGNED if signed else ProgressNote.Status.DRAFT,
            signed_by_id=case.worker_id if signed else None,
            signed_at=_moment(day, rng) if signed else None,
            attestation=ProgressNote.ATTESTATION if signed else "",
            **sections,
        )

    def make_notes(self, cases: list[Case]) -> None:
        """Progress notes, skewed as real caseloads are: most cases few, a few cases hundreds."""
        rng = self.rng
        notes = []
        for case in cases:
            count = min(NOTES_CAP, int(rng.lognormvariate(0.2, 1.35)))
            end = case.closed_on or self.today
            notes += [self._note(case, _between(rng, case.opened_on, end)) for _ in range(count)]
        notes = self.save(ProgressNote, notes)
        modality = {"office": "in_person", "home_visit": "home_visit", "phone": "phone", "video": "video"}
        service_type = {Case.Type.CRISIS: "crisis_intervention", Case.Type.COUNSELLING: "counselling",
                        Case.Type.FAMILY_THERAPY: "family_session"}  # fmt: skip
        services = [
            ServiceRecord(
                case=note.case,
                delivered_on=note.contact_date,
                service_type=service_type.get(note.case.case_type, "case_management"),
                minutes=note.duration_minutes,
                modality=modality[note.contact_type],
                staff_id=note.author_id,
                note=note,
                recorded_by_id=note.author_id,
            )  # fmt: skip
            for note in notes
            if note.status == ProgressNote.Status.SIGNED and rng.random() < 0.5
        ]
        self.save(ServiceRecord, services)

    def make_assessments(self, cases: list[Case]) -> None:
        """PHQ-9 and GAD-7 about a month apart on counselling and mental-health cases, mostly improving."""
        rng = self.rng
        rows = []
        for case in cases:
            if case.case_type not in (Case.Type.COUNSELLING, Case.Type.MENTAL_HEALTH):
                continue
            worker = User(pk=case.worker_id)
            start, end = rng.randint(10, 21), rng.randint(2, 14)
            times = rng.randint(1, 5)
            for n in range(times):
                day = min(case.closed_on or self.today, case.opened_on + dt.timedelta(days=7 + 30 * n))
                phq = round(start + (end - start) * n / max(times - 1, 1))
                for code, items, total in (("phq-9", 8, phq), ("gad-7", 7, max(0, phq - 3))):
                    answers = _spread(rng, [f"q{i}" for i in range(1, items + 1)], total, 3)
                    if code == "phq-9":
                        answers["q9"] = "0"
                    rows.append(scored(case, INSTRUMENTS[code], None, answers, day, by=worker))
        self.save(Assessment, rows)

    # groups, sessions, attendance ---------------------------------------------------------
    def make_groups(self, open_cases: list[tuple[int, int, int]]) -> None:
        rng, today = self.rng, self.today
        if not open_cases:
            return
        count = max(1, round(self.size / PERSONS_PER_GROUP))
        groups, plans = [], []
        for index in range(count):
            kind, label = rng.choice(GROUP_KINDS)
            weeks = rng.randint(4, 30)
            first = today - dt.timedelta(days=7 * weeks)
            facilitator = rng.choice(self.staff.facilitators)
            members = rng.sample(open_cases, k=min(len(open_cases), rng.randint(6, 14)))
            groups.append(Group(
                name=f"{label} {self.number + 1}.{index + 1}",
                kind=kind,
                purpose=f"A {label.lower()} for clients of the agency.",
                program_id=self.staff.programs[rng.choice(PROGRAMS)[0]],
                location=f"{rng.choice(names.TOWNS)[0]} community room",
                capacity=15,
                first_session_on=first,
                start_time=dt.time(rng.choice((10, 14, 18))),
                session_count=weeks + rng.randint(0, 8),
                status=Group.Status.RUNNING,
                created_by_id=facilitator,
            ))  # fmt: skip
            plans.append((facilitator, members, weeks))
        groups = self.save(Group, groups)
        self.save(
            Group.facilitators.through,
            [Group.facilitators.through(group=g, user_id=p[0]) for g, p in zip(groups, plans, strict=True)],
        )
        focus = [
            Group.focus_needs.through(group=g, need_id=need)
            for g in groups
            for need in rng.sample(self.staff.needs, k=min(2, len(self.staff.needs)))
        ]
        self.save(Group.focus_needs.through, focus)

        memberships, sessions = [], []
        for group, (facilitator, members, weeks) in zip(groups, plans, strict=True):
            for person, case, _ in members:
                memberships.append(Membership(group=group, person_id=person, case_id=case, status=Membership.Status.ENROLLED,
                                              requested_at=_moment(group.first_session_on - dt.timedelta(days=7), rng),
                                              enrolled_on=group.first_session_on, added_by_id=facilitator))  # fmt: skip
            for week in range(weeks):
                held = rng.random() > 0.05
                sessions.append(Session(group=group, held_on=group.first_session_on + dt.timedelta(days=7 * week),
                                        start_time=group.start_time, topic=SESSION_TOPICS[week % len(SESSION_TOPICS)],
                                        status=Session.Status.HELD if held else Session.Status.CANCELLED,
                                        recorded_by_id=facilitator))  # fmt: skip
        memberships = self.save(Membership, memberships)
        sessions = self.save(Session, sessions)
        by_group: dict[int, list[Membership]] = {}
        for membership in memberships:
            by_group.setdefault(membership.group_id, []).append(membership)
        # Each member has their own habit: some come every week, some drift away.
        habit = {membership.pk: rng.uniform(0.45, 0.97) for membership in memberships}
        attendance = [
            Attendance(
                session=session,
                membership=membership,
                recorded_by_id=session.recorded_by_id,
                status=ATTENDANCE_MARKS[0]
                if rng.random() < habit[membership.pk]
                else rng.choice(ATTENDANCE_MARKS[1:]),
            )  # fmt: skip
            for session in sessions
            if session.status == Session.Status.HELD
            for membership in by_group[session.group_id]
        ]
        self.save(Attendance, attendance)

    def run(self) -> Counter:
        with transaction.atomic():
            households = self.make_people()
            open_cases = self.make_cases(households)
            self.make_groups(open_cases)
            _audit_append(self.audit)
            self.counts["access.auditentry"] += len(self.audit)
        return self.counts


def generate_agency(plan: AgencyPlan, *, progress: Callable[[int, int], None] | None = None) -> Counter:
    """Build the whole agency on an empty database; returns the rows written per model.

    Raises AgencyNotEmpty when persons, cases or generated staff are already there.
    """
    if not agency_is_empty():
        raise AgencyNotEmpty
    counts: Counter = Counter()
    with transaction.atomic():
        staff = _make_staff(plan, counts)
    usernames = dict(User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("pk", "username"))
    for number in range(plan.batches):
        counts.update(_Batch(plan, staff, usernames, number).run())
        # With DEBUG on, Django keeps the last 9,000 statements; bulk inserts would make that hundreds of MB.
        reset_queries()
        if progress is not None:
            progress(min(plan.clients, (number + 1) * plan.batch), sum(counts.values()))
    return counts
