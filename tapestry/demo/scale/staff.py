"""The agency's staff, teams, grants and programs, and its few campaigns and funders."""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from collections import Counter

from django.contrib.auth.hashers import make_password

from tapestry.access.models import Role, Segment, SegmentGrant, Team, TeamMembership, User
from tapestry.demo import names
from tapestry.demo.generate import DEMO_PASSWORD
from tapestry.demo.scale.plan import (
    CAMPAIGNS,
    FRONTLINE_PER_SUPERVISOR,
    FRONTLINE_SHARE,
    FUNDERS,
    PERSONS_PER_GROUP,
    PROGRAMS,
    SERVICES,
    SUBSTANCE_USE_WORKERS,
    USERNAME_PREFIX,
    AgencyPlan,
    StaffIds,
    frontline_count,
)
from tapestry.directory import models as directory
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.grants.models import Funder, Opportunity
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import Organisation
from tapestry.programs.models import Program, ProgramStaff


def _staff_name(rng: random.Random) -> tuple[str, str]:
    pool = rng.choice((names.GIVEN_WOMEN, names.GIVEN_MEN, names.GIVEN_NEUTRAL))
    return rng.choice(pool), rng.choice(names.FAMILY_NAMES)


def staff_generate(plan: AgencyPlan, counts: Counter) -> StaffIds:
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
    _macro_generate(plan, rng, counts, organiser=organiser, grants_officer=grants_officer, needs=needs,
                programs=list(programs.values()))  # fmt: skip
    return StaffIds(
        workers=workers,
        substance_use_workers=substance_use,
        facilitators=[row.pk for row in facilitator_rows],
        programs=programs,
        needs=needs,
        barriers=list(Barrier.objects.filter(is_active=True).order_by("code").values_list("pk", flat=True)),
        services=_services_generate(counts),
    )


def _services_generate(counts: Counter) -> list[tuple[int, int]]:
    """A few directory services, each with the agency's record of its organisation (consents name it)."""
    made = []
    for name, kind, service_name in SERVICES:
        organisation = Organisation.objects.create(name=name, kind=kind)
        hsds = directory.Organization.objects.create(
            name=name, hsds_id=uuid.uuid5(uuid.NAMESPACE_URL, f"tapestry-agency/{name}")
        )
        service = directory.Service.objects.create(organization=hsds, name=service_name,
                                                   hsds_id=uuid.uuid5(uuid.NAMESPACE_URL, f"tapestry-agency/{name}/{service_name}"))  # fmt: skip
        made.append((service.pk, organisation.pk))
    counts[Organisation._meta.label_lower] += len(made)
    counts[directory.Organization._meta.label_lower] += len(made)
    counts[directory.Service._meta.label_lower] += len(made)
    return made


def _macro_generate(plan: AgencyPlan, rng: random.Random, counts: Counter, *, organiser: User,
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
